#[allow(refining_impl_trait)]
fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `averager` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<Total, Count, Ty3> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed {},
        /// Suspended at `yield_!` #0, line 6.
        Suspend0 { ty3: Ty3, count: Count, total: Total },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<Total, Count, Ty3> ::coro::__private::StateEnum
    for __CoroState<Total, Count, Ty3> {
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
        Resume3,
    }
    struct __CoroStart {}
    struct __CoroLoopHead1<Total, Count, Mean, Ty3> {
        ty3: Ty3,
        mean: Mean,
        count: Count,
        total: Total,
    }
    struct __CoroResume3<Total, Count, Ty3, Sent4> {
        sent4: Sent4,
        ty3: Ty3,
        count: Count,
        total: Total,
    }
    struct __CoroSuspend0<Total, Count, Ty3> {
        ty3: Ty3,
        count: Count,
        total: Total,
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
    impl<Total, Count, Ty3> __CoroStateOps for __CoroState<Total, Count, Ty3> {
        type Start = __CoroStart;
        type Saved0 = __CoroSuspend0<Total, Count, Ty3>;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume3,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "averager",
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
                Self::Suspend0 { total: __coro_v0, count: __coro_v1, ty3: __coro_v3 } => {
                    __CoroSuspend0 {
                        total: __coro_v0,
                        count: __coro_v1,
                        ty3: __coro_v3,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { total: __coro_v0, count: __coro_v1, ty3: __coro_v3 } = saved;
            *self = Self::Suspend0 {
                total: __coro_v0,
                count: __coro_v1,
                ty3: __coro_v3,
            };
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
    fn __coro_state_types<Total, Count, Ty3>(
        _: &__CoroState<Total, Count, Ty3>,
        _: ::coro::__private::TypeOf<__CoroArgs>,
    ) {}
    {
        let __coro_args = __CoroArgs {};
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<f64>,
            | -> ::coro::__private::CoroutineState<f64, ()> {
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
                    __CoroLabel::Resume3 => {
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
                            let __CoroLoopHead1 {
                                total: mut total,
                                count: mut count,
                                mean: mut mean,
                                ty3: __coro_ty3,
                            } = {
                                let __coro_into_1_0;
                                '__coro_to_1_0: {
                                    let __CoroStart {} = {
                                        ::coro::__private::discard(__coro_arg.take());
                                        ::coro::__private::take(&mut __coro_slot_0)
                                    };
                                    let mut total = 0.0;
                                    let mut count = 0u64;
                                    let mut mean = 0.0;
                                    let __coro_ty3 = ::coro::__private::type_of(&mean);
                                    {
                                        __coro_into_1_0 = __CoroLoopHead1 {
                                            total: total,
                                            count: count,
                                            mean: mean,
                                            ty3: __coro_ty3,
                                        };
                                        break '__coro_to_1_0;
                                    }
                                }
                                __coro_into_1_0
                            };
                            {
                                let yielded: f64 = mean;
                                let __coro_saved = __CoroSuspend0 {
                                    total: total,
                                    count: count,
                                    ty3: __coro_ty3,
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
                        __CoroLabel::Resume3 => {
                            let __CoroLoopHead1 {
                                total: mut total,
                                count: mut count,
                                mean: mut mean,
                                ty3: __coro_ty3,
                            } = {
                                let __coro_into_1_1;
                                '__coro_to_1_1: {
                                    let mut mean;
                                    let __CoroResume3 {
                                        total: mut total,
                                        count: mut count,
                                        ty3: __coro_ty3,
                                        sent4: mut __coro_sent4,
                                    } = {
                                        let __CoroSuspend0 {
                                            total: __coro_v0,
                                            count: __coro_v1,
                                            ty3: __coro_v3,
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
                                        __CoroResume3 {
                                            total: __coro_v0,
                                            count: __coro_v1,
                                            ty3: __coro_v3,
                                            sent4: match __coro_arg.take() {
                                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                ::coro::__private::None => {
                                                    ::coro::__private::unreachable_start("averager")
                                                }
                                            },
                                        }
                                    };
                                    let x: f64 = __coro_sent4;
                                    total += x;
                                    count += 1;
                                    mean = ::coro::__private::assign(
                                        __coro_ty3,
                                        total / count as f64,
                                    );
                                    {
                                        __coro_into_1_1 = __CoroLoopHead1 {
                                            total: total,
                                            count: count,
                                            mean: mean,
                                            ty3: __coro_ty3,
                                        };
                                        break '__coro_to_1_1;
                                    }
                                }
                                __coro_into_1_1
                            };
                            {
                                let yielded: f64 = mean;
                                let __coro_saved = __CoroSuspend0 {
                                    total: total,
                                    count: count,
                                    ty3: __coro_ty3,
                                };
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_0,
                                );
                                __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                return ::coro::__private::CoroutineState::Yielded(yielded);
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
                    __CoroState::Unresumed { .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "averager",
                            ::coro::__private::Frame::Created,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 {
                        total: __coro_v0,
                        count: __coro_v1,
                        ty3: __coro_v3,
                        ..
                    } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "averager",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 6u32,
                            },
                            &[
                                (
                                    "total",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                                (
                                    "count",
                                    (&&::coro::__private::DebugProbe(__coro_v1)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "averager",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "averager",
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
