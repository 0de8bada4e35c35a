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
    struct __CoroSuspend0<Name, Guard, Len> {
        len: Len,
        guard: Guard,
        name: Name,
    }
    struct __CoroSuspend1<Name, Guard> {
        guard: Guard,
        name: Name,
    }
    /// How the step reaches the state without naming it (see `coro-macros`'
    /// `emit.rs`).
    trait __CoroStateOps {
        type Start;
        type Saved0;
        type Saved1;
        fn which(&mut self) -> __CoroLabel;
        fn take_start(&mut self) -> Self::Start;
        fn take0(&mut self) -> Self::Saved0;
        fn take1(&mut self) -> Self::Saved1;
        fn suspend0(&mut self, saved: Self::Saved0);
        fn suspend1(&mut self, saved: Self::Saved1);
    }
    impl<Name, Guard, Len> __CoroStateOps for __CoroState<Name, Guard, Len> {
        type Start = __CoroStart<Name>;
        type Saved0 = __CoroSuspend0<Name, Guard, Len>;
        type Saved1 = __CoroSuspend1<Name, Guard>;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume1,
                Self::Suspend1 { .. } => __CoroLabel::Resume2,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "guarded",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { name: __coro_v0, .. } => {
                    __CoroStart { name: __coro_v0 }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 { name: __coro_v0, guard: __coro_v1, len: __coro_v2 } => {
                    __CoroSuspend0 {
                        name: __coro_v0,
                        guard: __coro_v1,
                        len: __coro_v2,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take1(&mut self) -> Self::Saved1 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend1 { name: __coro_v0, guard: __coro_v1 } => {
                    __CoroSuspend1 {
                        name: __coro_v0,
                        guard: __coro_v1,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { name: __coro_v0, guard: __coro_v1, len: __coro_v2 } = saved;
            *self = Self::Suspend0 {
                name: __coro_v0,
                guard: __coro_v1,
                len: __coro_v2,
            };
        }
        #[inline(always)]
        fn suspend1(&mut self, saved: Self::Saved1) {
            let __CoroSuspend1 { name: __coro_v0, guard: __coro_v1 } = saved;
            *self = Self::Suspend1 {
                name: __coro_v0,
                guard: __coro_v1,
            };
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<Name> {
        name: Name,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<Name>(
        _: ::coro::__private::TypeOf<__CoroArgs<Name>>,
        _: &::coro::__private::Option<__CoroStart<Name>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<Name, Guard, Len>(
        _: &__CoroState<Name, Guard, Len>,
        _: ::coro::__private::TypeOf<__CoroArgs<Name>>,
    ) {}
    {
        let __coro_args = __CoroArgs { name: name };
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<()>,
            | -> ::coro::__private::CoroutineState<usize, ()> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                    ProbeIterator as _, ProbeUnsupported as _,
                };
                let mut __coro_slot_0 = ::coro::__private::None;
                let mut __coro_saved_0 = ::coro::__private::None;
                let mut __coro_saved_1 = ::coro::__private::None;
                let __coro_saved_type_0 = ::core::marker::PhantomData;
                let __coro_saved_type_1 = ::core::marker::PhantomData;
                __coro_start_types(__coro_args_ty, &__coro_slot_0);
                let mut __coro_next = __CoroStateOps::which(__coro_state);
                #[allow(unreachable_patterns)]
                match __coro_next {
                    __CoroLabel::Start => {
                        __coro_slot_0 = ::coro::__private::Some(
                            __CoroStateOps::take_start(__coro_state),
                        );
                    }
                    __CoroLabel::Resume1 => {
                        __coro_saved_0 = ::coro::__private::Some(
                            __CoroStateOps::take0(__coro_state),
                        );
                    }
                    __CoroLabel::Resume2 => {
                        __coro_saved_1 = ::coro::__private::Some(
                            __CoroStateOps::take1(__coro_state),
                        );
                    }
                    _ => {}
                }
                #[allow(unused_labels)]
                '__coro_dispatch: loop {
                    match __coro_next {
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Start => {
                            let __CoroStart { name: name } = {
                                ::coro::__private::discard(__coro_arg.take());
                                ::coro::__private::take(&mut __coro_slot_0)
                            };
                            let guard = Guard::new(&name);
                            let len = name.len();
                            {
                                let yielded: usize = len;
                                let __coro_saved = __CoroSuspend0 {
                                    name: name,
                                    guard: guard,
                                    len: len,
                                };
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_0,
                                );
                                __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                return ::coro::__private::CoroutineState::Yielded(yielded);
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Resume1 => {
                            let __CoroResume1 {
                                name: name,
                                guard: guard,
                                len: len,
                                sent3: mut __coro_sent3,
                            } = {
                                let __CoroSuspend0 {
                                    name: __coro_v0,
                                    guard: __coro_v1,
                                    len: __coro_v2,
                                } = {
                                    let __coro_saved = ::coro::__private::take(
                                        &mut __coro_saved_0,
                                    );
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_0,
                                    );
                                    __coro_saved
                                };
                                __CoroResume1 {
                                    name: __coro_v0,
                                    guard: __coro_v1,
                                    len: __coro_v2,
                                    sent3: match __coro_arg.take() {
                                        ::coro::__private::Some(__coro_sent) => __coro_sent,
                                        ::coro::__private::None => {
                                            ::coro::__private::unreachable_start("guarded")
                                        }
                                    },
                                }
                            };
                            ::coro::__private::discard(__coro_sent3);
                            let doubled = len * 2;
                            {
                                let yielded: usize = doubled;
                                let __coro_saved = __CoroSuspend1 {
                                    name: name,
                                    guard: guard,
                                };
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_1,
                                );
                                __CoroStateOps::suspend1(__coro_state, __coro_saved);
                                return ::coro::__private::CoroutineState::Yielded(yielded);
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Resume2 => {
                            let __CoroResume2 {
                                name: _coro_unused_0,
                                guard: _coro_unused_1,
                                sent5: mut __coro_sent5,
                            } = {
                                let __CoroSuspend1 { name: __coro_v0, guard: __coro_v1 } = {
                                    let __coro_saved = ::coro::__private::take(
                                        &mut __coro_saved_1,
                                    );
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_1,
                                    );
                                    __coro_saved
                                };
                                __CoroResume2 {
                                    name: __coro_v0,
                                    guard: __coro_v1,
                                    sent5: match __coro_arg.take() {
                                        ::coro::__private::Some(__coro_sent) => __coro_sent,
                                        ::coro::__private::None => {
                                            ::coro::__private::unreachable_start("guarded")
                                        }
                                    },
                                }
                            };
                            ::coro::__private::discard(__coro_sent5);
                            {
                                let __coro_return_value: () = ();
                                ::coro::__private::StateEnum::mark_returned(__coro_state);
                                return ::coro::__private::CoroutineState::Complete(
                                    __coro_return_value,
                                );
                            }
                        }
                    }
                }
            },
            move |
                __coro_state: &__CoroState<_, _, _>,
                __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
            | -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                __coro_state_types(__coro_state, __coro_args_ty);
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
            move || {
                let __CoroArgs { name: __coro_v0 } = __coro_args;
                __CoroState::Unresumed {
                    name: __coro_v0,
                }
            },
        )
    }
}
