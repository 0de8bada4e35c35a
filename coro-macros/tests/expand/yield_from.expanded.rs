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
    ::coro::__private::machine(
        __CoroState::Unresumed {},
        #[inline(always)]
        move |
            __coro_state: &mut __CoroState<_, _, _>,
            mut __coro_arg: ::coro::__private::Option<()>,
        | -> ::coro::__private::CoroutineState<i32, &'static str> {
            #[allow(unused_imports)]
            use ::coro::__private::{
                DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                ProbeIterator as _, ProbeUnsupported as _,
            };
            let mut __coro_done0 = ::coro::__private::None;
            let __coro_fast = ::coro::__private::resume_in_place(
                __coro_state,
                |__coro_state| {
                    if let __CoroState::Suspend0 { sub0: __coro_sub, .. } = __coro_state {
                        let __coro_sent = match __coro_arg.take() {
                            ::coro::__private::Some(__coro_sent) => __coro_sent,
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("wrapper")
                            }
                        };
                        ::coro::__private::Some(
                            ::coro::__private::Coroutine::resume(__coro_sub, __coro_sent),
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
            let mut __coro_done1 = ::coro::__private::None;
            let __coro_fast = ::coro::__private::resume_in_place(
                __coro_state,
                |__coro_state| {
                    if let __CoroState::Suspend1 { sub5: __coro_sub, .. } = __coro_state {
                        let __coro_sent = match __coro_arg.take() {
                            ::coro::__private::Some(__coro_sent) => __coro_sent,
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("wrapper")
                            }
                        };
                        ::coro::__private::Some(
                            ::coro::__private::Coroutine::resume(__coro_sub, __coro_sent),
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
            let mut __coro_slot_0 = ::coro::__private::None;
            let mut __coro_slot_3 = ::coro::__private::None;
            let mut __coro_slot_4 = ::coro::__private::None;
            let mut __coro_slot_6 = ::coro::__private::None;
            let mut __coro_next;
            match ::coro::__private::replace(__coro_state, __CoroState::Poisoned) {
                __CoroState::Unresumed { .. } => {
                    ::coro::__private::discard(__coro_arg);
                    __coro_slot_0 = ::coro::__private::Some(__CoroStart {});
                    __coro_next = __CoroLabel::Start;
                }
                __CoroState::Suspend0 { .. } => {
                    __coro_slot_3 = ::coro::__private::Some(__CoroAfterYieldFrom3 {
                        returned3: ::coro::__private::take(&mut __coro_done0),
                    });
                    __coro_next = __CoroLabel::AfterYieldFrom3;
                }
                __CoroState::Suspend1 { result: __coro_v4, .. } => {
                    __coro_slot_6 = ::coro::__private::Some(__CoroAfterYieldFrom6 {
                        result: __coro_v4,
                        returned8: ::coro::__private::take(&mut __coro_done1),
                    });
                    __coro_next = __CoroLabel::AfterYieldFrom6;
                }
                __coro_complete => {
                    ::coro::__private::resumed_when_complete(
                        "wrapper",
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
                        let __CoroAfterYieldFrom3 { returned3: mut __coro_returned3 } = {
                            let __coro_incoming = {
                                let __coro_into_3_1;
                                '__coro_to_3_1: {
                                    let __CoroDrive1 {
                                        sub0: mut __coro_sub0,
                                        step1: mut __coro_step1,
                                    } = {
                                        let __coro_into_1_0;
                                        '__coro_to_1_0: {
                                            let __CoroStart {} = ::coro::__private::take(
                                                &mut __coro_slot_0,
                                            );
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
                                            *__coro_state = __CoroState::Suspend0 {
                                                sub0: __coro_sub0,
                                            };
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
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
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
                                            *__coro_state = __CoroState::Suspend1 {
                                                result: result,
                                                sub5: __coro_sub5,
                                            };
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
                            *__coro_state = __CoroState::Returned;
                            return ::coro::__private::CoroutineState::Complete(
                                __coro_return_value,
                            );
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
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
                                            *__coro_state = __CoroState::Suspend1 {
                                                result: result,
                                                sub5: __coro_sub5,
                                            };
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
                            *__coro_state = __CoroState::Returned;
                            return ::coro::__private::CoroutineState::Complete(
                                __coro_return_value,
                            );
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
                    __CoroLabel::AfterYieldFrom6 => {
                        let __CoroAfterYieldFrom6 {
                            result: result,
                            returned8: mut __coro_returned8,
                        } = ::coro::__private::take(&mut __coro_slot_6);
                        ::coro::__private::discard(__coro_returned8);
                        {
                            let __coro_return_value: &'static str = result;
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
    )
}
