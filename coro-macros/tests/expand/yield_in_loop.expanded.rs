#[allow(refining_impl_trait)]
fn countdown(n: u32) -> impl Iterator<Item = u32> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `countdown` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<N> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { n: N },
        /// Suspended at `yield_!` #0, line 3.
        Suspend0 { n: N },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<N> ::coro::__private::StateEnum for __CoroState<N> {
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
        Resume4,
        LoopExit2,
    }
    struct __CoroStart<N> {
        n: N,
    }
    struct __CoroLoopHead1<N> {
        n: N,
    }
    struct __CoroResume4<N, Sent1> {
        sent1: Sent1,
        n: N,
    }
    struct __CoroJoin3<N> {
        n: N,
    }
    struct __CoroLoopExit2 {}
    struct __CoroSuspend0<N> {
        n: N,
    }
    /// How the step reaches the state without naming it (see `coro-macros`'
    /// `emit.rs`).
    trait __CoroStateOps {
        type Start;
        type Saved0;
        fn which(&mut self) -> __CoroLabel;
        fn take_start(&mut self) -> Self::Start;
        fn take0(&mut self) -> Self::Saved0;
        fn suspend0(&mut self, saved: Self::Saved0);
    }
    impl<N> __CoroStateOps for __CoroState<N> {
        type Start = __CoroStart<N>;
        type Saved0 = __CoroSuspend0<N>;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume4,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "countdown",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { n: __coro_v0, .. } => __CoroStart { n: __coro_v0 },
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 { n: __coro_v0 } => __CoroSuspend0 { n: __coro_v0 },
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { n: __coro_v0 } = saved;
            *self = Self::Suspend0 { n: __coro_v0 };
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<N> {
        n: N,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<N>(
        _: ::coro::__private::TypeOf<__CoroArgs<N>>,
        _: &::coro::__private::Option<__CoroStart<N>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<N>(
        _: &__CoroState<N>,
        _: ::coro::__private::TypeOf<__CoroArgs<N>>,
    ) {}
    {
        let __coro_args = __CoroArgs { n: n };
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<()>,
            | -> ::coro::__private::CoroutineState<u32, ()> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                    ProbeIterator as _, ProbeUnsupported as _,
                };
                let mut __coro_slot_0 = ::coro::__private::None;
                let mut __coro_slot_2 = ::coro::__private::None;
                let mut __coro_saved_0 = ::coro::__private::None;
                let __coro_saved_type_0 = ::core::marker::PhantomData;
                __coro_start_types(__coro_args_ty, &__coro_slot_0);
                let mut __coro_next = __CoroStateOps::which(__coro_state);
                #[allow(unreachable_patterns)]
                match __coro_next {
                    __CoroLabel::Start => {
                        __coro_slot_0 = ::coro::__private::Some(
                            __CoroStateOps::take_start(__coro_state),
                        );
                    }
                    __CoroLabel::Resume4 => {
                        __coro_saved_0 = ::coro::__private::Some(
                            __CoroStateOps::take0(__coro_state),
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
                            let __CoroLoopExit2 {} = {
                                let __coro_incoming = {
                                    let __coro_into_2_1;
                                    '__coro_to_2_1: {
                                        let __CoroLoopHead1 { n: mut n } = {
                                            let __coro_into_1_0;
                                            '__coro_to_1_0: {
                                                let __CoroStart { n: mut n } = {
                                                    ::coro::__private::discard(__coro_arg.take());
                                                    ::coro::__private::take(&mut __coro_slot_0)
                                                };
                                                {
                                                    __coro_into_1_0 = __CoroLoopHead1 { n: n };
                                                    break '__coro_to_1_0;
                                                }
                                            }
                                            __coro_into_1_0
                                        };
                                        if n > 0 {
                                            {
                                                let yielded: u32 = n;
                                                let __coro_saved = __CoroSuspend0 { n: n };
                                                ::coro::__private::same_type(
                                                    &__coro_saved,
                                                    &__coro_saved_type_0,
                                                );
                                                __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                                return ::coro::__private::CoroutineState::Yielded(yielded);
                                            }
                                        } else {
                                            {
                                                __coro_into_2_1 = __CoroLoopExit2 {};
                                                break '__coro_to_2_1;
                                            };
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
                                ::coro::__private::StateEnum::mark_returned(__coro_state);
                                return ::coro::__private::CoroutineState::Complete(
                                    __coro_return_value,
                                );
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Resume4 => {
                            let __CoroLoopHead1 { n: mut n } = {
                                let __coro_into_1_3;
                                '__coro_to_1_3: {
                                    let __CoroJoin3 { n: mut n } = {
                                        let __coro_into_3_2;
                                        '__coro_to_3_2: {
                                            let __CoroResume4 { n: mut n, sent1: mut __coro_sent1 } = {
                                                let __CoroSuspend0 { n: __coro_v0 } = {
                                                    let __coro_saved = ::coro::__private::take(
                                                        &mut __coro_saved_0,
                                                    );
                                                    ::coro::__private::same_type(
                                                        &__coro_saved,
                                                        &__coro_saved_type_0,
                                                    );
                                                    __coro_saved
                                                };
                                                __CoroResume4 {
                                                    n: __coro_v0,
                                                    sent1: match __coro_arg.take() {
                                                        ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                        ::coro::__private::None => {
                                                            ::coro::__private::unreachable_start("countdown")
                                                        }
                                                    },
                                                }
                                            };
                                            ::coro::__private::discard(__coro_sent1);
                                            n -= 1;
                                            {
                                                __coro_into_3_2 = __CoroJoin3 { n: n };
                                                break '__coro_to_3_2;
                                            }
                                        }
                                        __coro_into_3_2
                                    };
                                    {
                                        __coro_into_1_3 = __CoroLoopHead1 { n: n };
                                        break '__coro_to_1_3;
                                    }
                                }
                                __coro_into_1_3
                            };
                            if n > 0 {
                                {
                                    let yielded: u32 = n;
                                    let __coro_saved = __CoroSuspend0 { n: n };
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_0,
                                    );
                                    __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                    return ::coro::__private::CoroutineState::Yielded(yielded);
                                }
                            } else {
                                {
                                    __coro_slot_2 = ::coro::__private::Some(__CoroLoopExit2 {});
                                    __coro_next = __CoroLabel::LoopExit2;
                                    continue '__coro_dispatch;
                                };
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::LoopExit2 => {
                            let __CoroLoopExit2 {} = ::coro::__private::take(
                                &mut __coro_slot_2,
                            );
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
                __coro_state: &__CoroState<_>,
                __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
            | -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                __coro_state_types(__coro_state, __coro_args_ty);
                match __coro_state {
                    __CoroState::Unresumed { n: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "countdown",
                            ::coro::__private::Frame::Created,
                            &[
                                (
                                    "n",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 { n: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "countdown",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 3u32,
                            },
                            &[
                                (
                                    "n",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "countdown",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "countdown",
                            ::coro::__private::Frame::Poisoned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                }
            },
            move || {
                let __CoroArgs { n: __coro_v0 } = __coro_args;
                __CoroState::Unresumed {
                    n: __coro_v0,
                }
            },
        )
    }
}
