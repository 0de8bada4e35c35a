#[allow(refining_impl_trait)]
fn drop_flag(g: Guard, c: bool) -> impl Iterator<Item = u32> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `drop_flag` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<G, C, H> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { c: C, g: G },
        /// Suspended at `yield_!` #0, line 6.
        Suspend0 { h: H, g: G },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<G, C, H> ::coro::__private::StateEnum for __CoroState<G, C, H> {
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
    struct __CoroStart<G, C> {
        c: C,
        g: G,
    }
    struct __CoroResume1<G, H, Sent3> {
        sent3: Sent3,
        h: H,
        g: G,
    }
    struct __CoroSuspend0<G, H> {
        h: H,
        g: G,
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
    impl<G, C, H> __CoroStateOps for __CoroState<G, C, H> {
        type Start = __CoroStart<G, C>;
        type Saved0 = __CoroSuspend0<G, H>;
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
                        "drop_flag",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { g: __coro_v0, c: __coro_v1, .. } => {
                    __CoroStart {
                        g: __coro_v0,
                        c: __coro_v1,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 { g: __coro_v0, h: __coro_v2 } => {
                    __CoroSuspend0 {
                        g: __coro_v0,
                        h: __coro_v2,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { g: __coro_v0, h: __coro_v2 } = saved;
            *self = Self::Suspend0 {
                g: __coro_v0,
                h: __coro_v2,
            };
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<G, C> {
        c: C,
        g: G,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<G, C>(
        _: ::coro::__private::TypeOf<__CoroArgs<G, C>>,
        _: &::coro::__private::Option<__CoroStart<G, C>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<G, C, H>(
        _: &__CoroState<G, C, H>,
        _: ::coro::__private::TypeOf<__CoroArgs<G, C>>,
    ) {}
    {
        let __coro_args = __CoroArgs { g: g, c: c };
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
                #[allow(unused_imports)]
                use ::coro::__private::{TakeCopy as _, TakeMove as _};
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
                            let __CoroStart { g: g, c: c } = {
                                ::coro::__private::discard(__coro_arg.take());
                                ::coro::__private::take(&mut __coro_slot_0)
                            };
                            let h = Guard::new("h");
                            let mut h = ::coro::__private::Flag::new(h);
                            if c {
                                consume((::coro::__private::Take(&mut h)).__coro_take());
                            }
                            {
                                let yielded: u32 = 1;
                                let __coro_saved = __CoroSuspend0 { g: g, h: h };
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
                                g: g,
                                h: _coro_unused_2,
                                sent3: mut __coro_sent3,
                            } = {
                                let __CoroSuspend0 { g: __coro_v0, h: __coro_v2 } = {
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
                                    g: __coro_v0,
                                    h: __coro_v2,
                                    sent3: match __coro_arg.take() {
                                        ::coro::__private::Some(__coro_sent) => __coro_sent,
                                        ::coro::__private::None => {
                                            ::coro::__private::unreachable_start("drop_flag")
                                        }
                                    },
                                }
                            };
                            ::coro::__private::discard(__coro_sent3);
                            log(g.name());
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
                    __CoroState::Unresumed { g: __coro_v0, c: __coro_v1, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "drop_flag",
                            ::coro::__private::Frame::Created,
                            &[
                                (
                                    "g",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                                (
                                    "c",
                                    (&&::coro::__private::DebugProbe(__coro_v1)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 { g: __coro_v0, h: __coro_v2, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "drop_flag",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 6u32,
                            },
                            &[
                                (
                                    "g",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                                (
                                    "h",
                                    (&&::coro::__private::DebugProbe(__coro_v2)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "drop_flag",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "drop_flag",
                            ::coro::__private::Frame::Poisoned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                }
            },
            move || {
                let __CoroArgs { g: __coro_v0, c: __coro_v1 } = __coro_args;
                __CoroState::Unresumed {
                    g: __coro_v0,
                    c: __coro_v1,
                }
            },
        )
    }
}
