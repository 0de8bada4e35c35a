#[allow(refining_impl_trait)]
fn parity(n: u32) -> impl Iterator<Item = &'static str> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `parity` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<N> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { n: N },
        /// Suspended at `yield_!` #0, line 3.
        Suspend0 {},
        /// Suspended at `yield_!` #1, line 5.
        Suspend1 {},
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
        Resume2,
        Resume3,
    }
    struct __CoroStart<N> {
        n: N,
    }
    struct __CoroResume2<Sent1> {
        sent1: Sent1,
    }
    struct __CoroResume3<Sent2> {
        sent2: Sent2,
    }
    struct __CoroJoin1<Value3> {
        value3: Value3,
    }
    struct __CoroSuspend0 {}
    struct __CoroSuspend1 {}
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
    impl<N> __CoroStateOps for __CoroState<N> {
        type Start = __CoroStart<N>;
        type Saved0 = __CoroSuspend0;
        type Saved1 = __CoroSuspend1;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume2,
                Self::Suspend1 { .. } => __CoroLabel::Resume3,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "parity",
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
                Self::Suspend0 {} => __CoroSuspend0 {},
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take1(&mut self) -> Self::Saved1 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend1 {} => __CoroSuspend1 {},
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 {} = saved;
            *self = Self::Suspend0 {};
        }
        #[inline(always)]
        fn suspend1(&mut self, saved: Self::Saved1) {
            let __CoroSuspend1 {} = saved;
            *self = Self::Suspend1 {};
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
            | -> ::coro::__private::CoroutineState<&'static str, ()> {
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
                    __CoroLabel::Resume2 => {
                        __coro_saved_0 = ::coro::__private::Some(
                            __CoroStateOps::take0(__coro_state),
                        );
                    }
                    __CoroLabel::Resume3 => {
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
                            let __CoroStart { n: n } = {
                                ::coro::__private::discard(__coro_arg.take());
                                ::coro::__private::take(&mut __coro_slot_0)
                            };
                            if n % 2 == 0 {
                                {
                                    let yielded: &'static str = "even";
                                    let __coro_saved = __CoroSuspend0 {};
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_0,
                                    );
                                    __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                    return ::coro::__private::CoroutineState::Yielded(yielded);
                                }
                            } else {
                                {
                                    let yielded: &'static str = "odd";
                                    let __coro_saved = __CoroSuspend1 {};
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_1,
                                    );
                                    __CoroStateOps::suspend1(__coro_state, __coro_saved);
                                    return ::coro::__private::CoroutineState::Yielded(yielded);
                                }
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Resume2 => {
                            let __CoroJoin1 { value3: mut __coro_value3 } = {
                                let __coro_into_1_0;
                                '__coro_to_1_0: {
                                    let __CoroResume2 { sent1: mut __coro_sent1 } = {
                                        let __CoroSuspend0 {} = {
                                            let __coro_saved = ::coro::__private::take(
                                                &mut __coro_saved_0,
                                            );
                                            ::coro::__private::same_type(
                                                &__coro_saved,
                                                &__coro_saved_type_0,
                                            );
                                            __coro_saved
                                        };
                                        __CoroResume2 {
                                            sent1: match __coro_arg.take() {
                                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                ::coro::__private::None => {
                                                    ::coro::__private::unreachable_start("parity")
                                                }
                                            },
                                        }
                                    };
                                    ::coro::__private::discard(__coro_sent1);
                                    {
                                        __coro_into_1_0 = __CoroJoin1 { value3: () };
                                        break '__coro_to_1_0;
                                    }
                                }
                                __coro_into_1_0
                            };
                            {
                                let __coro_return_value: () = __coro_value3;
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
                        __CoroLabel::Resume3 => {
                            let __CoroJoin1 { value3: mut __coro_value3 } = {
                                let __coro_into_1_1;
                                '__coro_to_1_1: {
                                    let __CoroResume3 { sent2: mut __coro_sent2 } = {
                                        let __CoroSuspend1 {} = {
                                            let __coro_saved = ::coro::__private::take(
                                                &mut __coro_saved_1,
                                            );
                                            ::coro::__private::same_type(
                                                &__coro_saved,
                                                &__coro_saved_type_1,
                                            );
                                            __coro_saved
                                        };
                                        __CoroResume3 {
                                            sent2: match __coro_arg.take() {
                                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                ::coro::__private::None => {
                                                    ::coro::__private::unreachable_start("parity")
                                                }
                                            },
                                        }
                                    };
                                    ::coro::__private::discard(__coro_sent2);
                                    {
                                        __coro_into_1_1 = __CoroJoin1 { value3: () };
                                        break '__coro_to_1_1;
                                    }
                                }
                                __coro_into_1_1
                            };
                            {
                                let __coro_return_value: () = __coro_value3;
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
                            "parity",
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
                    __CoroState::Suspend0 { .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "parity",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 3u32,
                            },
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend1 { .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "parity",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 1usize,
                                line: 5u32,
                            },
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "parity",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "parity",
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
