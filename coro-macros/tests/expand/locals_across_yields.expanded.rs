#[allow(refining_impl_trait)]
fn guarded(name: String) -> impl Iterator<Item = usize> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `guarded` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<Name, Guard, Len> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { name: Name },
        /// Suspended at `yield_!` #0, line 4.
        Suspend0 { len: Len, guard: Guard, name: Name },
        /// Suspended at `yield_!` #1, line 6.
        Suspend1 { guard: Guard, name: Name },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<Name, Guard, Len> ::coro::__private::StateEnum
    for __CoroState<Name, Guard, Len> {
        #[inline]
        fn status(&self) -> ::coro::__private::Status {
            match self {
                Self::Unresumed { .. } => ::coro::__private::Status::Created,
                Self::Suspend0 { .. } => ::coro::__private::Status::Suspended,
                Self::Suspend1 { .. } => ::coro::__private::Status::Suspended,
                Self::Returned | Self::Poisoned => ::coro::__private::Status::Complete,
            }
        }
        #[inline]
        fn close(&mut self) {
            match self {
                Self::Poisoned => {}
                _ => *self = Self::Returned,
            }
        }
        #[inline]
        fn panicked(&self) -> bool {
            ::coro::__private::matches!(self, Self::Poisoned)
        }
        #[inline]
        fn poison(&mut self) {
            match self {
                Self::Returned => {}
                _ => *self = Self::Poisoned,
            }
        }
        #[inline]
        fn mark_returned(&mut self) {
            *self = Self::Returned;
        }
    }
    /// Which basic block runs next within one resume.
    #[derive(::coro::__private::Clone, ::coro::__private::Copy)]
    enum __CoroLabel {
        Start,
        Resume1,
        Resume2,
    }
    struct __CoroStart<Name> {
        name: Name,
    }
    struct __CoroResume1<Name, Guard, Len, Sent3> {
        sent3: Sent3,
        len: Len,
        guard: Guard,
        name: Name,
    }
    struct __CoroResume2<Name, Guard, Sent5> {
        sent5: Sent5,
        guard: Guard,
        name: Name,
    }
    ::coro::__private::machine(
        __CoroState::Unresumed {
            name: name,
        },
        #[inline(always)]
        move |
            __coro_state: &mut __CoroState<_, _, _>,
            __coro_arg: ::coro::__private::Option<()>,
        | -> ::coro::__private::CoroutineState<usize, ()> {
            #[allow(unused_imports)]
            use ::coro::__private::{
                DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                ProbeIterator as _, ProbeUnsupported as _,
            };
            let mut __coro_slot_0 = ::coro::__private::None;
            let mut __coro_slot_1 = ::coro::__private::None;
            let mut __coro_slot_2 = ::coro::__private::None;
            let mut __coro_next;
            match ::coro::__private::replace(__coro_state, __CoroState::Poisoned) {
                __CoroState::Unresumed { name: __coro_v0, .. } => {
                    ::coro::__private::discard(__coro_arg);
                    __coro_slot_0 = ::coro::__private::Some(__CoroStart {
                        name: __coro_v0,
                    });
                    __coro_next = __CoroLabel::Start;
                }
                __CoroState::Suspend0 {
                    name: __coro_v0,
                    guard: __coro_v1,
                    len: __coro_v2,
                } => {
                    __coro_slot_1 = ::coro::__private::Some(__CoroResume1 {
                        name: __coro_v0,
                        guard: __coro_v1,
                        len: __coro_v2,
                        sent3: match __coro_arg {
                            ::coro::__private::Some(__coro_sent) => __coro_sent,
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("guarded")
                            }
                        },
                    });
                    __coro_next = __CoroLabel::Resume1;
                }
                __CoroState::Suspend1 { name: __coro_v0, guard: __coro_v1 } => {
                    __coro_slot_2 = ::coro::__private::Some(__CoroResume2 {
                        name: __coro_v0,
                        guard: __coro_v1,
                        sent5: match __coro_arg {
                            ::coro::__private::Some(__coro_sent) => __coro_sent,
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("guarded")
                            }
                        },
                    });
                    __coro_next = __CoroLabel::Resume2;
                }
                __coro_complete => {
                    ::coro::__private::resumed_when_complete(
                        "guarded",
                        __coro_state,
                        &__coro_complete,
                    )
                }
            }
            #[allow(unused_labels)]
            '__coro_dispatch: loop {
                match __coro_next {
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
                    __CoroLabel::Start => {
                        let __CoroStart { name: name } = ::coro::__private::take(
                            &mut __coro_slot_0,
                        );
                        let guard = Guard::new(&name);
                        let len = name.len();
                        {
                            let yielded: usize = len;
                            *__coro_state = __CoroState::Suspend0 {
                                name: name,
                                guard: guard,
                                len: len,
                            };
                            return ::coro::__private::CoroutineState::Yielded(yielded);
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
                    __CoroLabel::Resume1 => {
                        let __CoroResume1 {
                            name: name,
                            guard: guard,
                            len: len,
                            sent3: mut __coro_sent3,
                        } = ::coro::__private::take(&mut __coro_slot_1);
                        ::coro::__private::discard(__coro_sent3);
                        let doubled = len * 2;
                        {
                            let yielded: usize = doubled;
                            *__coro_state = __CoroState::Suspend1 {
                                name: name,
                                guard: guard,
                            };
                            return ::coro::__private::CoroutineState::Yielded(yielded);
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
                    __CoroLabel::Resume2 => {
                        let __CoroResume2 {
                            name: _coro_unused_0,
                            guard: _coro_unused_1,
                            sent5: mut __coro_sent5,
                        } = ::coro::__private::take(&mut __coro_slot_2);
                        ::coro::__private::discard(__coro_sent5);
                        {
                            let __coro_return_value: () = ();
                            *__coro_state = __CoroState::Returned;
                            return ::coro::__private::CoroutineState::Complete(
                                __coro_return_value,
                            );
                        }
                    }
                }
            }
        },
        |
            __coro_state: &__CoroState<_, _, _>,
            __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
        | -> ::coro::__private::fmt::Result {
            #[allow(unused_imports)]
            use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
            match __coro_state {
                __CoroState::Unresumed { name: __coro_v0, .. } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "guarded",
                        ::coro::__private::Frame::Created,
                        &[
                            (
                                "name",
                                (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                            ),
                        ],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Suspend0 {
                    name: __coro_v0,
                    guard: __coro_v1,
                    len: __coro_v2,
                    ..
                } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "guarded",
                        ::coro::__private::Frame::Suspended {
                            kind: "yield_!",
                            index: 0usize,
                            line: 4u32,
                        },
                        &[
                            (
                                "name",
                                (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                            ),
                            (
                                "guard",
                                (&&::coro::__private::DebugProbe(__coro_v1)).__coro_debug(),
                            ),
                            (
                                "len",
                                (&&::coro::__private::DebugProbe(__coro_v2)).__coro_debug(),
                            ),
                        ],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Suspend1 { name: __coro_v0, guard: __coro_v1, .. } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "guarded",
                        ::coro::__private::Frame::Suspended {
                            kind: "yield_!",
                            index: 1usize,
                            line: 6u32,
                        },
                        &[
                            (
                                "name",
                                (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                            ),
                            (
                                "guard",
                                (&&::coro::__private::DebugProbe(__coro_v1)).__coro_debug(),
                            ),
                        ],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Returned => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "guarded",
                        ::coro::__private::Frame::Returned,
                        &[],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Poisoned => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "guarded",
                        ::coro::__private::Frame::Poisoned,
                        &[],
                        ::coro::__private::None,
                    )
                }
            }
        },
    )
}
