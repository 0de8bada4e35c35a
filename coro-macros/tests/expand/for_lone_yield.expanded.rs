#[allow(refining_impl_trait)]
fn upto(m: u64) -> impl Iterator<Item = u64> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `upto` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<M, Iter1> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { m: M },
        /// Suspended at `yield_!` #0, line 3.
        Suspend0 { iter1: Iter1 },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<M, Iter1> ::coro::__private::StateEnum for __CoroState<M, Iter1> {
        #[inline]
        fn status(&self) -> ::coro::__private::Status {
            match self {
                Self::Unresumed { .. } => ::coro::__private::Status::Created,
                Self::Suspend0 { .. } => ::coro::__private::Status::Suspended,
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
        LoopExit2,
    }
    struct __CoroStart<M> {
        m: M,
    }
    struct __CoroLoopHead1<Iter1> {
        iter1: Iter1,
    }
    struct __CoroJoin3<Iter1> {
        iter1: Iter1,
    }
    struct __CoroLoopExit2 {}
    ::coro::__private::machine(
        __CoroState::Unresumed { m: m },
        #[inline(always)]
        move |
            __coro_state: &mut __CoroState<_, _>,
            mut __coro_arg: ::coro::__private::Option<()>,
        | -> ::coro::__private::CoroutineState<u64, ()> {
            #[allow(unused_imports)]
            use ::coro::__private::{
                DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                ProbeIterator as _, ProbeUnsupported as _,
            };
            let __coro_for0 = ::coro::__private::resume_in_place(
                __coro_state,
                |__coro_state| {
                    if let __CoroState::Suspend0 { iter1: __coro_it, .. } = __coro_state {
                        match __coro_arg.take() {
                            ::coro::__private::Some(__coro_sent) => {
                                ::coro::__private::discard(__coro_sent)
                            }
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("upto")
                            }
                        }
                        ::coro::__private::Some(
                            match ::coro::__private::Iterator::next(__coro_it) {
                                ::coro::__private::Some(i) => {
                                    ::coro::__private::Some({
                                        let yielded: u64 = i;
                                        yielded
                                    })
                                }
                                ::coro::__private::None => ::coro::__private::None,
                            },
                        )
                    } else {
                        ::coro::__private::None
                    }
                },
            );
            if let ::coro::__private::Some(::coro::__private::Some(yielded)) = __coro_for0 {
                return ::coro::__private::CoroutineState::Yielded(yielded);
            }
            let mut __coro_slot_0 = ::coro::__private::None;
            let mut __coro_slot_2 = ::coro::__private::None;
            let mut __coro_next;
            match ::coro::__private::replace(__coro_state, __CoroState::Poisoned) {
                __CoroState::Unresumed { m: __coro_v0, .. } => {
                    ::coro::__private::discard(__coro_arg);
                    __coro_slot_0 = ::coro::__private::Some(__CoroStart {
                        m: __coro_v0,
                    });
                    __coro_next = __CoroLabel::Start;
                }
                __CoroState::Suspend0 { .. } => {
                    __coro_slot_2 = ::coro::__private::Some(__CoroLoopExit2 {});
                    __coro_next = __CoroLabel::LoopExit2;
                }
                __coro_complete => {
                    ::coro::__private::resumed_when_complete(
                        "upto",
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
                        let __CoroLoopExit2 {} = {
                            let __coro_incoming = {
                                let __coro_into_2_1;
                                '__coro_to_2_1: {
                                    let __CoroLoopHead1 { iter1: mut __coro_iter1 } = {
                                        let __coro_into_1_0;
                                        '__coro_to_1_0: {
                                            let __CoroStart { m: m } = ::coro::__private::take(
                                                &mut __coro_slot_0,
                                            );
                                            let mut __coro_iter1 = ::coro::__private::IntoIterator::into_iter(
                                                1..=m,
                                            );
                                            {
                                                __coro_into_1_0 = __CoroLoopHead1 {
                                                    iter1: __coro_iter1,
                                                };
                                                break '__coro_to_1_0;
                                            }
                                        }
                                        __coro_into_1_0
                                    };
                                    match ::coro::__private::Iterator::next(&mut __coro_iter1) {
                                        ::coro::__private::Some(i) => {
                                            let yielded: u64 = i;
                                            *__coro_state = __CoroState::Suspend0 {
                                                iter1: __coro_iter1,
                                            };
                                            return ::coro::__private::CoroutineState::Yielded(yielded);
                                        }
                                        ::coro::__private::None => {
                                            {
                                                __coro_into_2_1 = __CoroLoopExit2 {};
                                                break '__coro_to_2_1;
                                            };
                                        }
                                    }
                                }
                                __coro_into_2_1
                            };
                            ::coro::__private::same_slot(
                                &__coro_incoming,
                                &__coro_slot_2,
                            );
                            __coro_incoming
                        };
                        {
                            let __coro_return_value: () = ();
                            *__coro_state = __CoroState::Returned;
                            return ::coro::__private::CoroutineState::Complete(
                                __coro_return_value,
                            );
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
                    __CoroLabel::LoopExit2 => {
                        let __CoroLoopExit2 {} = ::coro::__private::take(
                            &mut __coro_slot_2,
                        );
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
            __coro_state: &__CoroState<_, _>,
            __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
        | -> ::coro::__private::fmt::Result {
            #[allow(unused_imports)]
            use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
            match __coro_state {
                __CoroState::Unresumed { m: __coro_v0, .. } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "upto",
                        ::coro::__private::Frame::Created,
                        &[
                            (
                                "m",
                                (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                            ),
                        ],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Suspend0 { iter1: __coro_v1, .. } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "upto",
                        ::coro::__private::Frame::Suspended {
                            kind: "yield_!",
                            index: 0usize,
                            line: 3u32,
                        },
                        &[],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Returned => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "upto",
                        ::coro::__private::Frame::Returned,
                        &[],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Poisoned => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "upto",
                        ::coro::__private::Frame::Poisoned,
                        &[],
                        ::coro::__private::None,
                    )
                }
            }
        },
    )
}
