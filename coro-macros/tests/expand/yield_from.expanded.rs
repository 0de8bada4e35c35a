#[allow(refining_impl_trait)]
fn wrapper() -> impl Coroutine<Yield = i32, Return = &'static str> + ::coro::Control {
    yield_from!(@ __coro_mark_used);
    /// The states of the coroutine `wrapper` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<Sub0, Result, Sub5> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed {},
        /// Suspended at `yield_from!` #0, line 2.
        Suspend0 { sub0: Sub0 },
        /// Suspended at `yield_from!` #1, line 3.
        Suspend1 { sub5: Sub5, result: Result },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<Sub0, Result, Sub5> ::coro::__private::StateEnum
    for __CoroState<Sub0, Result, Sub5> {
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
        AfterYieldFrom3,
        Drive4,
        AfterYieldFrom6,
        FastExit0,
        FastExit1,
    }
    struct __CoroStart {}
    struct __CoroDrive1<Sub0, Step1> {
        step1: Step1,
        sub0: Sub0,
    }
    struct __CoroAfterYieldFrom3<Returned3> {
        returned3: Returned3,
    }
    struct __CoroDrive4<Result, Sub5, Step6> {
        step6: Step6,
        sub5: Sub5,
        result: Result,
    }
    struct __CoroAfterYieldFrom6<Result, Returned8> {
        returned8: Returned8,
        result: Result,
    }
    struct __CoroSuspend0<Sub0> {
        sub0: Sub0,
    }
    struct __CoroSuspend1<Result, Sub5> {
        sub5: Sub5,
        result: Result,
    }
    /// How the step reaches the state without naming it (see `coro-macros`'
    /// `emit.rs`).
    trait __CoroStateOps {
        type Start;
        type Saved0;
        type Saved1;
        type Fast0;
        type Fast1;
        fn which(&mut self) -> __CoroLabel;
        fn take_start(&mut self) -> Self::Start;
        fn take0(&mut self) -> Self::Saved0;
        fn take1(&mut self) -> Self::Saved1;
        fn suspend0(&mut self, saved: Self::Saved0);
        fn suspend1(&mut self, saved: Self::Saved1);
        fn fast0(&mut self) -> ::coro::__private::Option<&mut Self::Fast0>;
        fn fast1(&mut self) -> ::coro::__private::Option<&mut Self::Fast1>;
    }
    impl<Sub0, Result, Sub5> __CoroStateOps for __CoroState<Sub0, Result, Sub5> {
        type Start = __CoroStart;
        type Saved0 = __CoroSuspend0<Sub0>;
        type Saved1 = __CoroSuspend1<Result, Sub5>;
        type Fast0 = Sub0;
        type Fast1 = Sub5;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::FastExit0,
                Self::Suspend1 { .. } => __CoroLabel::FastExit1,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "wrapper",
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
                Self::Suspend0 { sub0: __coro_v0 } => __CoroSuspend0 { sub0: __coro_v0 },
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take1(&mut self) -> Self::Saved1 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend1 { result: __coro_v4, sub5: __coro_v5 } => {
                    __CoroSuspend1 {
                        result: __coro_v4,
                        sub5: __coro_v5,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { sub0: __coro_v0 } = saved;
            *self = Self::Suspend0 { sub0: __coro_v0 };
        }
        #[inline(always)]
        fn suspend1(&mut self, saved: Self::Saved1) {
            let __CoroSuspend1 { result: __coro_v4, sub5: __coro_v5 } = saved;
            *self = Self::Suspend1 {
                result: __coro_v4,
                sub5: __coro_v5,
            };
        }
        #[inline(always)]
        fn fast0(&mut self) -> ::coro::__private::Option<&mut Self::Fast0> {
            match self {
                Self::Suspend0 { sub0, .. } => ::coro::__private::Some(sub0),
                _ => ::coro::__private::None,
            }
        }
        #[inline(always)]
        fn fast1(&mut self) -> ::coro::__private::Option<&mut Self::Fast1> {
            match self {
                Self::Suspend1 { sub5, .. } => ::coro::__private::Some(sub5),
                _ => ::coro::__private::None,
            }
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
    fn __coro_state_types<Sub0, Result, Sub5>(
        _: &__CoroState<Sub0, Result, Sub5>,
        _: ::coro::__private::TypeOf<__CoroArgs>,
    ) {}
    {
        let __coro_args = __CoroArgs {};
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<()>,
            | -> ::coro::__private::CoroutineState<i32, &'static str> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                    ProbeIterator as _, ProbeUnsupported as _,
                };
                let mut __coro_slot_0 = ::coro::__private::None;
                let mut __coro_slot_3 = ::coro::__private::None;
                let mut __coro_slot_4 = ::coro::__private::None;
                let mut __coro_slot_6 = ::coro::__private::None;
                let mut __coro_saved_0 = ::coro::__private::None;
                let mut __coro_saved_1 = ::coro::__private::None;
                let __coro_saved_type_0 = ::core::marker::PhantomData;
                let __coro_saved_type_1 = ::core::marker::PhantomData;
                __coro_start_types(__coro_args_ty, &__coro_slot_0);
                let mut __coro_done0 = ::coro::__private::None;
                let mut __coro_done1 = ::coro::__private::None;
                let __coro_fast = ::coro::__private::resume_in_place(
                    __coro_state,
                    |__coro_state| {
                        if let ::coro::__private::Some(__coro_sub) = __CoroStateOps::fast0(
                            __coro_state,
                        ) {
                            let __coro_sent = match __coro_arg.take() {
                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                ::coro::__private::None => {
                                    ::coro::__private::unreachable_start("wrapper")
                                }
                            };
                            ::coro::__private::Some(
                                ::coro::__private::Coroutine::resume(
                                    __coro_sub,
                                    __coro_sent,
                                ),
                            )
                        } else {
                            ::coro::__private::None
                        }
                    },
                );
                match __coro_fast {
                    ::coro::__private::Some(
                        ::coro::__private::CoroutineState::Yielded(__coro_sub_yielded),
                    ) => {
                        let __coro_sub_yielded: i32 = __coro_sub_yielded;
                        return ::coro::__private::CoroutineState::Yielded(
                            __coro_sub_yielded,
                        );
                    }
                    ::coro::__private::Some(
                        ::coro::__private::CoroutineState::Complete(__coro_returned),
                    ) => {
                        __coro_done0 = ::coro::__private::Some(__coro_returned);
                    }
                    ::coro::__private::None => {}
                }
                let __coro_fast = ::coro::__private::resume_in_place(
                    __coro_state,
                    |__coro_state| {
                        if let ::coro::__private::Some(__coro_sub) = __CoroStateOps::fast1(
                            __coro_state,
                        ) {
                            let __coro_sent = match __coro_arg.take() {
                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                ::coro::__private::None => {
                                    ::coro::__private::unreachable_start("wrapper")
                                }
                            };
                            ::coro::__private::Some(
                                ::coro::__private::Coroutine::resume(
                                    __coro_sub,
                                    __coro_sent,
                                ),
                            )
                        } else {
                            ::coro::__private::None
                        }
                    },
                );
                match __coro_fast {
                    ::coro::__private::Some(
                        ::coro::__private::CoroutineState::Yielded(__coro_sub_yielded),
                    ) => {
                        let __coro_sub_yielded: i32 = __coro_sub_yielded;
                        return ::coro::__private::CoroutineState::Yielded(
                            __coro_sub_yielded,
                        );
                    }
                    ::coro::__private::Some(
                        ::coro::__private::CoroutineState::Complete(__coro_returned),
                    ) => {
                        __coro_done1 = ::coro::__private::Some(__coro_returned);
                    }
                    ::coro::__private::None => {}
                }
                let mut __coro_next = __CoroStateOps::which(__coro_state);
                #[allow(unreachable_patterns)]
                match __coro_next {
                    __CoroLabel::Start => {
                        __coro_slot_0 = ::coro::__private::Some(
                            __CoroStateOps::take_start(__coro_state),
                        );
                    }
                    __CoroLabel::FastExit0 => {
                        __coro_saved_0 = ::coro::__private::Some(
                            __CoroStateOps::take0(__coro_state),
                        );
                    }
                    __CoroLabel::FastExit1 => {
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
                            let __CoroAfterYieldFrom3 {
                                returned3: mut __coro_returned3,
                            } = {
                                let __coro_incoming = {
                                    let __coro_into_3_1;
                                    '__coro_to_3_1: {
                                        let __CoroDrive1 {
                                            sub0: mut __coro_sub0,
                                            step1: mut __coro_step1,
                                        } = {
                                            let __coro_into_1_0;
                                            '__coro_to_1_0: {
                                                let __CoroStart {} = {
                                                    ::coro::__private::discard(__coro_arg.take());
                                                    ::coro::__private::take(&mut __coro_slot_0)
                                                };
                                                let mut __coro_sub0 = {
                                                    let __coro_operand = producer();
                                                    (&&::coro::__private::probe::<_, ()>(&__coro_operand))
                                                        .__coro_kind()
                                                        .wrap(__coro_operand)
                                                };
                                                {
                                                    __coro_into_1_0 = __CoroDrive1 {
                                                        step1: ::coro::__private::start_sub(
                                                            &mut __coro_sub0,
                                                            (&::coro::__private::ArgProbe::<()>::NEW).__coro_first_arg(),
                                                        ),
                                                        sub0: __coro_sub0,
                                                    };
                                                    break '__coro_to_1_0;
                                                }
                                            }
                                            __coro_into_1_0
                                        };
                                        match __coro_step1 {
                                            ::coro::__private::CoroutineState::Yielded(
                                                __coro_sub_yielded,
                                            ) => {
                                                let yielded: i32 = __coro_sub_yielded;
                                                let __coro_saved = __CoroSuspend0 {
                                                    sub0: __coro_sub0,
                                                };
                                                ::coro::__private::same_type(
                                                    &__coro_saved,
                                                    &__coro_saved_type_0,
                                                );
                                                __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                                return ::coro::__private::CoroutineState::Yielded(yielded);
                                            }
                                            ::coro::__private::CoroutineState::Complete(
                                                __coro_sub_returned,
                                            ) => {
                                                __coro_into_3_1 = __CoroAfterYieldFrom3 {
                                                    returned3: __coro_sub_returned,
                                                };
                                                break '__coro_to_3_1;
                                            }
                                        }
                                    }
                                    __coro_into_3_1
                                };
                                ::coro::__private::same_slot(
                                    &__coro_incoming,
                                    &__coro_slot_3,
                                );
                                __coro_incoming
                            };
                            let result = __coro_returned3;
                            let mut __coro_sub5 = {
                                let __coro_operand = [1, 2];
                                (&&::coro::__private::probe::<_, ()>(&__coro_operand))
                                    .__coro_kind()
                                    .wrap(__coro_operand)
                            };
                            {
                                __coro_slot_4 = ::coro::__private::Some(__CoroDrive4 {
                                    step6: ::coro::__private::start_sub(
                                        &mut __coro_sub5,
                                        (&::coro::__private::ArgProbe::<()>::NEW).__coro_first_arg(),
                                    ),
                                    result: result,
                                    sub5: __coro_sub5,
                                });
                                __coro_next = __CoroLabel::Drive4;
                                continue '__coro_dispatch;
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::AfterYieldFrom3 => {
                            let __CoroAfterYieldFrom6 {
                                result: result,
                                returned8: mut __coro_returned8,
                            } = {
                                let __coro_incoming = {
                                    let __coro_into_6_3;
                                    '__coro_to_6_3: {
                                        let __CoroDrive4 {
                                            result: result,
                                            sub5: mut __coro_sub5,
                                            step6: mut __coro_step6,
                                        } = {
                                            let __coro_incoming = {
                                                let __coro_into_4_2;
                                                '__coro_to_4_2: {
                                                    let __CoroAfterYieldFrom3 {
                                                        returned3: mut __coro_returned3,
                                                    } = ::coro::__private::take(&mut __coro_slot_3);
                                                    let result = __coro_returned3;
                                                    let mut __coro_sub5 = {
                                                        let __coro_operand = [1, 2];
                                                        (&&::coro::__private::probe::<_, ()>(&__coro_operand))
                                                            .__coro_kind()
                                                            .wrap(__coro_operand)
                                                    };
                                                    {
                                                        __coro_into_4_2 = __CoroDrive4 {
                                                            step6: ::coro::__private::start_sub(
                                                                &mut __coro_sub5,
                                                                (&::coro::__private::ArgProbe::<()>::NEW).__coro_first_arg(),
                                                            ),
                                                            result: result,
                                                            sub5: __coro_sub5,
                                                        };
                                                        break '__coro_to_4_2;
                                                    }
                                                }
                                                __coro_into_4_2
                                            };
                                            ::coro::__private::same_slot(
                                                &__coro_incoming,
                                                &__coro_slot_4,
                                            );
                                            __coro_incoming
                                        };
                                        match __coro_step6 {
                                            ::coro::__private::CoroutineState::Yielded(
                                                __coro_sub_yielded,
                                            ) => {
                                                let yielded: i32 = __coro_sub_yielded;
                                                let __coro_saved = __CoroSuspend1 {
                                                    result: result,
                                                    sub5: __coro_sub5,
                                                };
                                                ::coro::__private::same_type(
                                                    &__coro_saved,
                                                    &__coro_saved_type_1,
                                                );
                                                __CoroStateOps::suspend1(__coro_state, __coro_saved);
                                                return ::coro::__private::CoroutineState::Yielded(yielded);
                                            }
                                            ::coro::__private::CoroutineState::Complete(
                                                __coro_sub_returned,
                                            ) => {
                                                __coro_into_6_3 = __CoroAfterYieldFrom6 {
                                                    returned8: __coro_sub_returned,
                                                    result: result,
                                                };
                                                break '__coro_to_6_3;
                                            }
                                        }
                                    }
                                    __coro_into_6_3
                                };
                                ::coro::__private::same_slot(
                                    &__coro_incoming,
                                    &__coro_slot_6,
                                );
                                __coro_incoming
                            };
                            ::coro::__private::discard(__coro_returned8);
                            {
                                let __coro_return_value: &'static str = result;
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
                        __CoroLabel::Drive4 => {
                            let __CoroAfterYieldFrom6 {
                                result: result,
                                returned8: mut __coro_returned8,
                            } = {
                                let __coro_incoming = {
                                    let __coro_into_6_4;
                                    '__coro_to_6_4: {
                                        let __CoroDrive4 {
                                            result: result,
                                            sub5: mut __coro_sub5,
                                            step6: mut __coro_step6,
                                        } = ::coro::__private::take(&mut __coro_slot_4);
                                        match __coro_step6 {
                                            ::coro::__private::CoroutineState::Yielded(
                                                __coro_sub_yielded,
                                            ) => {
                                                let yielded: i32 = __coro_sub_yielded;
                                                let __coro_saved = __CoroSuspend1 {
                                                    result: result,
                                                    sub5: __coro_sub5,
                                                };
                                                ::coro::__private::same_type(
                                                    &__coro_saved,
                                                    &__coro_saved_type_1,
                                                );
                                                __CoroStateOps::suspend1(__coro_state, __coro_saved);
                                                return ::coro::__private::CoroutineState::Yielded(yielded);
                                            }
                                            ::coro::__private::CoroutineState::Complete(
                                                __coro_sub_returned,
                                            ) => {
                                                __coro_into_6_4 = __CoroAfterYieldFrom6 {
                                                    returned8: __coro_sub_returned,
                                                    result: result,
                                                };
                                                break '__coro_to_6_4;
                                            }
                                        }
                                    }
                                    __coro_into_6_4
                                };
                                ::coro::__private::same_slot(
                                    &__coro_incoming,
                                    &__coro_slot_6,
                                );
                                __coro_incoming
                            };
                            ::coro::__private::discard(__coro_returned8);
                            {
                                let __coro_return_value: &'static str = result;
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
                        __CoroLabel::AfterYieldFrom6 => {
                            let __CoroAfterYieldFrom6 {
                                result: result,
                                returned8: mut __coro_returned8,
                            } = ::coro::__private::take(&mut __coro_slot_6);
                            ::coro::__private::discard(__coro_returned8);
                            {
                                let __coro_return_value: &'static str = result;
                                ::coro::__private::StateEnum::mark_returned(__coro_state);
                                return ::coro::__private::CoroutineState::Complete(
                                    __coro_return_value,
                                );
                            }
                        }
                        __CoroLabel::FastExit0 => {
                            let __CoroSuspend0 { .. } = {
                                let __coro_saved = ::coro::__private::take(
                                    &mut __coro_saved_0,
                                );
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_0,
                                );
                                __coro_saved
                            };
                            __coro_slot_3 = ::coro::__private::Some(__CoroAfterYieldFrom3 {
                                returned3: ::coro::__private::take(&mut __coro_done0),
                            });
                            __coro_next = __CoroLabel::AfterYieldFrom3;
                        }
                        __CoroLabel::FastExit1 => {
                            let __CoroSuspend1 { result: __coro_v4, .. } = {
                                let __coro_saved = ::coro::__private::take(
                                    &mut __coro_saved_1,
                                );
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_1,
                                );
                                __coro_saved
                            };
                            __coro_slot_6 = ::coro::__private::Some(__CoroAfterYieldFrom6 {
                                result: __coro_v4,
                                returned8: ::coro::__private::take(&mut __coro_done1),
                            });
                            __coro_next = __CoroLabel::AfterYieldFrom6;
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
                            "wrapper",
                            ::coro::__private::Frame::Created,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 { sub0: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "wrapper",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_from!",
                                index: 0usize,
                                line: 2u32,
                            },
                            &[],
                            ::coro::__private::Some(
                                (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                            ),
                        )
                    }
                    __CoroState::Suspend1 { result: __coro_v4, sub5: __coro_v5, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "wrapper",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_from!",
                                index: 1usize,
                                line: 3u32,
                            },
                            &[
                                (
                                    "result",
                                    (&&::coro::__private::DebugProbe(__coro_v4)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::Some(
                                (&&::coro::__private::DebugProbe(__coro_v5)).__coro_debug(),
                            ),
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "wrapper",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "wrapper",
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
