#[allow(refining_impl_trait)]
fn once() -> impl Iterator<Item = u32> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `once` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed {},
        /// Suspended at `yield_!` #0, line 2.
        Suspend0 {},
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl ::coro::__private::StateEnum for __CoroState {
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
        Resume1,
    }
    struct __CoroStart {}
    struct __CoroResume1<Sent0> {
        sent0: Sent0,
    }
    ::coro::__private::machine(
        __CoroState::Unresumed {},
        #[inline(always)]
        move |
            __coro_state: &mut __CoroState,
            __coro_arg: ::coro::__private::Option<()>,
        | -> ::coro::__private::CoroutineState<u32, ()> {
            #[allow(unused_imports)]
            use ::coro::__private::{
                DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                ProbeIterator as _, ProbeUnsupported as _,
            };
            let mut __coro_slot_0 = ::coro::__private::None;
            let mut __coro_slot_1 = ::coro::__private::None;
            let mut __coro_next;
            match ::coro::__private::replace(__coro_state, __CoroState::Poisoned) {
                __CoroState::Unresumed { .. } => {
                    ::coro::__private::discard(__coro_arg);
                    __coro_slot_0 = ::coro::__private::Some(__CoroStart {});
                    __coro_next = __CoroLabel::Start;
                }
                __CoroState::Suspend0 {} => {
                    __coro_slot_1 = ::coro::__private::Some(__CoroResume1 {
                        sent0: match __coro_arg {
                            ::coro::__private::Some(__coro_sent) => __coro_sent,
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("once")
                            }
                        },
                    });
                    __coro_next = __CoroLabel::Resume1;
                }
                __coro_complete => {
                    ::coro::__private::resumed_when_complete(
                        "once",
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
                        let __CoroStart {} = ::coro::__private::take(&mut __coro_slot_0);
                        {
                            let yielded: u32 = 1;
                            *__coro_state = __CoroState::Suspend0 {};
                            return ::coro::__private::CoroutineState::Yielded(yielded);
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
                    __CoroLabel::Resume1 => {
                        let __CoroResume1 { sent0: mut __coro_sent0 } = ::coro::__private::take(
                            &mut __coro_slot_1,
                        );
                        ::coro::__private::discard(__coro_sent0);
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
            __coro_state: &__CoroState,
            __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
        | -> ::coro::__private::fmt::Result {
            #[allow(unused_imports)]
            use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
            match __coro_state {
                __CoroState::Unresumed { .. } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "once",
                        ::coro::__private::Frame::Created,
                        &[],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Suspend0 { .. } => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "once",
                        ::coro::__private::Frame::Suspended {
                            kind: "yield_!",
                            index: 0usize,
                            line: 2u32,
                        },
                        &[],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Returned => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "once",
                        ::coro::__private::Frame::Returned,
                        &[],
                        ::coro::__private::None,
                    )
                }
                __CoroState::Poisoned => {
                    ::coro::__private::debug_frame(
                        __coro_f,
                        "once",
                        ::coro::__private::Frame::Poisoned,
                        &[],
                        ::coro::__private::None,
                    )
                }
            }
        },
    )
}
