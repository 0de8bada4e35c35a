#[allow(refining_impl_trait)]
fn first_pair(
    limit: u32,
) -> impl Coroutine<Yield = (u32, u32), Return = u32> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `first_pair` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<Limit, Iter1, I, Iter4, J> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { limit: Limit },
        /// Suspended at `yield_!` #0, line 5.
        Suspend0 { j: J, iter4: Iter4, i: I, iter1: Iter1, limit: Limit },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<Limit, Iter1, I, Iter4, J> ::coro::__private::StateEnum
    for __CoroState<Limit, Iter1, I, Iter4, J> {
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
        LoopHead3,
        LoopHead6,
        Resume9,
        ScopeEnd11,
        Join5,
    }
    struct __CoroStart<Limit> {
        limit: Limit,
    }
    struct __CoroLoopHead1<Limit> {
        limit: Limit,
    }
    struct __CoroLoopHead3<Limit, Iter1> {
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroLoopHead6<Limit, Iter1, I, Iter4> {
        iter4: Iter4,
        i: I,
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroResume9<Limit, Iter1, I, Iter4, J, Sent7> {
        sent7: Sent7,
        j: J,
        iter4: Iter4,
        i: I,
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroScopeEnd10<Limit, Iter1, I, Iter4> {
        iter4: Iter4,
        i: I,
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroJoin8<Limit, Iter1, I, Iter4> {
        iter4: Iter4,
        i: I,
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroLoopExit7<Limit, Iter1> {
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroScopeEnd11<Limit, Iter1> {
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroJoin5<Limit, Iter1> {
        iter1: Iter1,
        limit: Limit,
    }
    struct __CoroLoopExit4 {}
    struct __CoroLoopExit2<Value8> {
        value8: Value8,
    }
    struct __CoroSuspend0<Limit, Iter1, I, Iter4, J> {
        j: J,
        iter4: Iter4,
        i: I,
        iter1: Iter1,
        limit: Limit,
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
    impl<Limit, Iter1, I, Iter4, J> __CoroStateOps
    for __CoroState<Limit, Iter1, I, Iter4, J> {
        type Start = __CoroStart<Limit>;
        type Saved0 = __CoroSuspend0<Limit, Iter1, I, Iter4, J>;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume9,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "first_pair",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { limit: __coro_v0, .. } => {
                    __CoroStart { limit: __coro_v0 }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 {
                    limit: __coro_v0,
                    iter1: __coro_v1,
                    i: __coro_v3,
                    iter4: __coro_v4,
                    j: __coro_v6,
                } => {
                    __CoroSuspend0 {
                        limit: __coro_v0,
                        iter1: __coro_v1,
                        i: __coro_v3,
                        iter4: __coro_v4,
                        j: __coro_v6,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 {
                limit: __coro_v0,
                iter1: __coro_v1,
                i: __coro_v3,
                iter4: __coro_v4,
                j: __coro_v6,
            } = saved;
            *self = Self::Suspend0 {
                limit: __coro_v0,
                iter1: __coro_v1,
                i: __coro_v3,
                iter4: __coro_v4,
                j: __coro_v6,
            };
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<Limit> {
        limit: Limit,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<Limit>(
        _: ::coro::__private::TypeOf<__CoroArgs<Limit>>,
        _: &::coro::__private::Option<__CoroStart<Limit>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<Limit, Iter1, I, Iter4, J>(
        _: &__CoroState<Limit, Iter1, I, Iter4, J>,
        _: ::coro::__private::TypeOf<__CoroArgs<Limit>>,
    ) {}
    {
        let __coro_args = __CoroArgs { limit: limit };
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<()>,
            | -> ::coro::__private::CoroutineState<(u32, u32), u32> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                    ProbeIterator as _, ProbeUnsupported as _,
                };
                let mut __coro_slot_0 = ::coro::__private::None;
                let mut __coro_slot_3 = ::coro::__private::None;
                let mut __coro_slot_6 = ::coro::__private::None;
                let mut __coro_slot_11 = ::coro::__private::None;
                let mut __coro_slot_5 = ::coro::__private::None;
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
                    __CoroLabel::Resume9 => {
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
                            let __CoroLoopHead1 { limit: limit } = {
                                let __coro_into_1_0;
                                '__coro_to_1_0: {
                                    let __CoroStart { limit: limit } = {
                                        ::coro::__private::discard(__coro_arg.take());
                                        ::coro::__private::take(&mut __coro_slot_0)
                                    };
                                    {
                                        __coro_into_1_0 = __CoroLoopHead1 { limit: limit };
                                        break '__coro_to_1_0;
                                    }
                                }
                                __coro_into_1_0
                            };
                            let mut __coro_iter1 = ::coro::__private::IntoIterator::into_iter(
                                0..limit,
                            );
                            {
                                __coro_slot_3 = ::coro::__private::Some(__CoroLoopHead3 {
                                    limit: limit,
                                    iter1: __coro_iter1,
                                });
                                __coro_next = __CoroLabel::LoopHead3;
                                continue '__coro_dispatch;
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::LoopHead3 => {
                            let __CoroLoopExit2 { value8: mut __coro_value8 } = {
                                let __coro_into_2_4;
                                '__coro_to_2_4: {
                                    let __CoroLoopExit4 {} = {
                                        let __coro_into_4_2;
                                        '__coro_to_4_2: {
                                            let __CoroLoopExit7 {
                                                limit: limit,
                                                iter1: mut __coro_iter1,
                                            } = {
                                                let __coro_into_7_3;
                                                '__coro_to_7_3: {
                                                    let __CoroLoopHead6 {
                                                        limit: limit,
                                                        iter1: mut __coro_iter1,
                                                        i: i,
                                                        iter4: mut __coro_iter4,
                                                    } = {
                                                        let __coro_incoming = {
                                                            let __coro_into_6_1;
                                                            '__coro_to_6_1: {
                                                                let __CoroLoopHead3 {
                                                                    limit: limit,
                                                                    iter1: mut __coro_iter1,
                                                                } = ::coro::__private::take(&mut __coro_slot_3);
                                                                match ::coro::__private::Iterator::next(&mut __coro_iter1) {
                                                                    ::coro::__private::Some(__coro_bind0) => {
                                                                        let i = __coro_bind0;
                                                                        let mut __coro_iter4 = ::coro::__private::IntoIterator::into_iter(
                                                                            0..limit,
                                                                        );
                                                                        {
                                                                            __coro_into_6_1 = __CoroLoopHead6 {
                                                                                limit: limit,
                                                                                iter1: __coro_iter1,
                                                                                i: i,
                                                                                iter4: __coro_iter4,
                                                                            };
                                                                            break '__coro_to_6_1;
                                                                        }
                                                                    }
                                                                    ::coro::__private::None => {
                                                                        {
                                                                            __coro_into_4_2 = __CoroLoopExit4 {};
                                                                            break '__coro_to_4_2;
                                                                        };
                                                                    }
                                                                }
                                                            }
                                                            __coro_into_6_1
                                                        };
                                                        ::coro::__private::same_slot(
                                                            &__coro_incoming,
                                                            &__coro_slot_6,
                                                        );
                                                        __coro_incoming
                                                    };
                                                    match ::coro::__private::Iterator::next(&mut __coro_iter4) {
                                                        ::coro::__private::Some(__coro_bind0_shadow1) => {
                                                            let j = __coro_bind0_shadow1;
                                                            {
                                                                let yielded: (u32, u32) = (i, j);
                                                                let __coro_saved = __CoroSuspend0 {
                                                                    limit: limit,
                                                                    iter1: __coro_iter1,
                                                                    i: i,
                                                                    iter4: __coro_iter4,
                                                                    j: j,
                                                                };
                                                                ::coro::__private::same_type(
                                                                    &__coro_saved,
                                                                    &__coro_saved_type_0,
                                                                );
                                                                __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                                                return ::coro::__private::CoroutineState::Yielded(yielded);
                                                            }
                                                        }
                                                        ::coro::__private::None => {
                                                            {
                                                                __coro_into_7_3 = __CoroLoopExit7 {
                                                                    limit: limit,
                                                                    iter1: __coro_iter1,
                                                                };
                                                                break '__coro_to_7_3;
                                                            };
                                                        }
                                                    }
                                                }
                                                __coro_into_7_3
                                            };
                                            {
                                                __coro_slot_11 = ::coro::__private::Some(__CoroScopeEnd11 {
                                                    limit: limit,
                                                    iter1: __coro_iter1,
                                                });
                                                __coro_next = __CoroLabel::ScopeEnd11;
                                                continue '__coro_dispatch;
                                            }
                                        }
                                        __coro_into_4_2
                                    };
                                    {
                                        __coro_into_2_4 = __CoroLoopExit2 { value8: 0 };
                                        break '__coro_to_2_4;
                                    };
                                }
                                __coro_into_2_4
                            };
                            let found = __coro_value8;
                            {
                                let __coro_return_value: u32 = found;
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
                        __CoroLabel::LoopHead6 => {
                            let __CoroScopeEnd11 {
                                limit: limit,
                                iter1: mut __coro_iter1,
                            } = {
                                let __coro_incoming = {
                                    let __coro_into_11_6;
                                    '__coro_to_11_6: {
                                        let __CoroLoopExit7 {
                                            limit: limit,
                                            iter1: mut __coro_iter1,
                                        } = {
                                            let __coro_into_7_5;
                                            '__coro_to_7_5: {
                                                let __CoroLoopHead6 {
                                                    limit: limit,
                                                    iter1: mut __coro_iter1,
                                                    i: i,
                                                    iter4: mut __coro_iter4,
                                                } = ::coro::__private::take(&mut __coro_slot_6);
                                                match ::coro::__private::Iterator::next(&mut __coro_iter4) {
                                                    ::coro::__private::Some(__coro_bind0_shadow1) => {
                                                        let j = __coro_bind0_shadow1;
                                                        {
                                                            let yielded: (u32, u32) = (i, j);
                                                            let __coro_saved = __CoroSuspend0 {
                                                                limit: limit,
                                                                iter1: __coro_iter1,
                                                                i: i,
                                                                iter4: __coro_iter4,
                                                                j: j,
                                                            };
                                                            ::coro::__private::same_type(
                                                                &__coro_saved,
                                                                &__coro_saved_type_0,
                                                            );
                                                            __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                                            return ::coro::__private::CoroutineState::Yielded(yielded);
                                                        }
                                                    }
                                                    ::coro::__private::None => {
                                                        {
                                                            __coro_into_7_5 = __CoroLoopExit7 {
                                                                limit: limit,
                                                                iter1: __coro_iter1,
                                                            };
                                                            break '__coro_to_7_5;
                                                        };
                                                    }
                                                }
                                            }
                                            __coro_into_7_5
                                        };
                                        {
                                            __coro_into_11_6 = __CoroScopeEnd11 {
                                                limit: limit,
                                                iter1: __coro_iter1,
                                            };
                                            break '__coro_to_11_6;
                                        }
                                    }
                                    __coro_into_11_6
                                };
                                ::coro::__private::same_slot(
                                    &__coro_incoming,
                                    &__coro_slot_11,
                                );
                                __coro_incoming
                            };
                            {
                                __coro_slot_5 = ::coro::__private::Some(__CoroJoin5 {
                                    limit: limit,
                                    iter1: __coro_iter1,
                                });
                                __coro_next = __CoroLabel::Join5;
                                continue '__coro_dispatch;
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Resume9 => {
                            let __CoroJoin8 {
                                limit: limit,
                                iter1: mut __coro_iter1,
                                i: i,
                                iter4: mut __coro_iter4,
                            } = {
                                let __coro_into_8_9;
                                '__coro_to_8_9: {
                                    let __CoroScopeEnd10 {
                                        limit: limit,
                                        iter1: mut __coro_iter1,
                                        i: i,
                                        iter4: mut __coro_iter4,
                                    } = {
                                        let __coro_into_10_8;
                                        '__coro_to_10_8: {
                                            let __CoroLoopExit2 { value8: mut __coro_value8 } = {
                                                let __coro_into_2_7;
                                                '__coro_to_2_7: {
                                                    let __CoroResume9 {
                                                        limit: limit,
                                                        iter1: mut __coro_iter1,
                                                        i: i,
                                                        iter4: mut __coro_iter4,
                                                        j: j,
                                                        sent7: mut __coro_sent7,
                                                    } = {
                                                        let __CoroSuspend0 {
                                                            limit: __coro_v0,
                                                            iter1: __coro_v1,
                                                            i: __coro_v3,
                                                            iter4: __coro_v4,
                                                            j: __coro_v6,
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
                                                        __CoroResume9 {
                                                            limit: __coro_v0,
                                                            iter1: __coro_v1,
                                                            i: __coro_v3,
                                                            iter4: __coro_v4,
                                                            j: __coro_v6,
                                                            sent7: match __coro_arg.take() {
                                                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                                ::coro::__private::None => {
                                                                    ::coro::__private::unreachable_start("first_pair")
                                                                }
                                                            },
                                                        }
                                                    };
                                                    ::coro::__private::discard(__coro_sent7);
                                                    if i + j == limit {
                                                        {
                                                            __coro_into_2_7 = __CoroLoopExit2 { value8: i * j };
                                                            break '__coro_to_2_7;
                                                        };
                                                    }
                                                    {
                                                        __coro_into_10_8 = __CoroScopeEnd10 {
                                                            limit: limit,
                                                            iter1: __coro_iter1,
                                                            i: i,
                                                            iter4: __coro_iter4,
                                                        };
                                                        break '__coro_to_10_8;
                                                    }
                                                }
                                                __coro_into_2_7
                                            };
                                            let found = __coro_value8;
                                            {
                                                let __coro_return_value: u32 = found;
                                                ::coro::__private::StateEnum::mark_returned(__coro_state);
                                                return ::coro::__private::CoroutineState::Complete(
                                                    __coro_return_value,
                                                );
                                            }
                                        }
                                        __coro_into_10_8
                                    };
                                    {
                                        __coro_into_8_9 = __CoroJoin8 {
                                            limit: limit,
                                            iter1: __coro_iter1,
                                            i: i,
                                            iter4: __coro_iter4,
                                        };
                                        break '__coro_to_8_9;
                                    }
                                }
                                __coro_into_8_9
                            };
                            {
                                __coro_slot_6 = ::coro::__private::Some(__CoroLoopHead6 {
                                    limit: limit,
                                    iter1: __coro_iter1,
                                    i: i,
                                    iter4: __coro_iter4,
                                });
                                __coro_next = __CoroLabel::LoopHead6;
                                continue '__coro_dispatch;
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::ScopeEnd11 => {
                            let __CoroJoin5 { limit: limit, iter1: mut __coro_iter1 } = {
                                let __coro_incoming = {
                                    let __coro_into_5_10;
                                    '__coro_to_5_10: {
                                        let __CoroScopeEnd11 {
                                            limit: limit,
                                            iter1: mut __coro_iter1,
                                        } = ::coro::__private::take(&mut __coro_slot_11);
                                        {
                                            __coro_into_5_10 = __CoroJoin5 {
                                                limit: limit,
                                                iter1: __coro_iter1,
                                            };
                                            break '__coro_to_5_10;
                                        }
                                    }
                                    __coro_into_5_10
                                };
                                ::coro::__private::same_slot(
                                    &__coro_incoming,
                                    &__coro_slot_5,
                                );
                                __coro_incoming
                            };
                            {
                                __coro_slot_3 = ::coro::__private::Some(__CoroLoopHead3 {
                                    limit: limit,
                                    iter1: __coro_iter1,
                                });
                                __coro_next = __CoroLabel::LoopHead3;
                                continue '__coro_dispatch;
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Join5 => {
                            let __CoroJoin5 { limit: limit, iter1: mut __coro_iter1 } = ::coro::__private::take(
                                &mut __coro_slot_5,
                            );
                            {
                                __coro_slot_3 = ::coro::__private::Some(__CoroLoopHead3 {
                                    limit: limit,
                                    iter1: __coro_iter1,
                                });
                                __coro_next = __CoroLabel::LoopHead3;
                                continue '__coro_dispatch;
                            }
                        }
                    }
                }
            },
            move |
                __coro_state: &__CoroState<_, _, _, _, _>,
                __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
            | -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                __coro_state_types(__coro_state, __coro_args_ty);
                match __coro_state {
                    __CoroState::Unresumed { limit: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "first_pair",
                            ::coro::__private::Frame::Created,
                            &[
                                (
                                    "limit",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 {
                        limit: __coro_v0,
                        iter1: __coro_v1,
                        i: __coro_v3,
                        iter4: __coro_v4,
                        j: __coro_v6,
                        ..
                    } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "first_pair",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 5u32,
                            },
                            &[
                                (
                                    "limit",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                                (
                                    "i",
                                    (&&::coro::__private::DebugProbe(__coro_v3)).__coro_debug(),
                                ),
                                (
                                    "j",
                                    (&&::coro::__private::DebugProbe(__coro_v6)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "first_pair",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "first_pair",
                            ::coro::__private::Frame::Poisoned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                }
            },
            move || {
                let __CoroArgs { limit: __coro_v0 } = __coro_args;
                __CoroState::Unresumed {
                    limit: __coro_v0,
                }
            },
        )
    }
}
