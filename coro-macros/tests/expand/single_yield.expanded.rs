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
    struct __CoroSuspend0 {}
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
    impl __CoroStateOps for __CoroState {
        type Start = __CoroStart;
        type Saved0 = __CoroSuspend0;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume1,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "once",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { .. } => __CoroStart {},
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
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 {} = saved;
            *self = Self::Suspend0 {};
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs {}
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types(
        _: ::coro::__private::TypeOf<__CoroArgs>,
        _: &::coro::__private::Option<__CoroStart>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types(_: &__CoroState, _: ::coro::__private::TypeOf<__CoroArgs>) {}
    {
        let __coro_args = __CoroArgs {};
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
                    __CoroLabel::Resume1 => {
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
                            let __CoroStart {} = {
                                ::coro::__private::discard(__coro_arg.take());
                                ::coro::__private::take(&mut __coro_slot_0)
                            };
                            {
                                let yielded: u32 = 1;
                                let __coro_saved = __CoroSuspend0 {};
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
                            let __CoroResume1 { sent0: mut __coro_sent0 } = {
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
                                __CoroResume1 {
                                    sent0: match __coro_arg.take() {
                                        ::coro::__private::Some(__coro_sent) => __coro_sent,
                                        ::coro::__private::None => {
                                            ::coro::__private::unreachable_start("once")
                                        }
                                    },
                                }
                            };
                            ::coro::__private::discard(__coro_sent0);
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
                __coro_state: &__CoroState,
                __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
            | -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                __coro_state_types(__coro_state, __coro_args_ty);
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
            move || {
                let __CoroArgs {} = __coro_args;
                __CoroState::Unresumed {}
            },
        )
    }
}
