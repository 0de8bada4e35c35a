#[allow(refining_impl_trait)]
fn greeting(
    formal: bool,
) -> impl Coroutine<Yield = (), Return = usize> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `greeting` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<Formal, Name, NameDropFlag, N> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { formal: Formal },
        /// Suspended at `yield_!` #0, line 6.
        Suspend0 { name: Name },
        /// Suspended at `yield_!` #1, line 9.
        Suspend1 {},
        /// Suspended at `yield_!` #2, line 12.
        Suspend2 { n: N, name_drop_flag: NameDropFlag },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<Formal, Name, NameDropFlag, N> ::coro::__private::StateEnum
    for __CoroState<Formal, Name, NameDropFlag, N> {
        #[inline]
        fn status(&self) -> ::coro::__private::Status {
            match self {
                Self::Unresumed { .. } => ::coro::__private::Status::Created,
                Self::Suspend0 { .. } => ::coro::__private::Status::Suspended,
                Self::Suspend1 { .. } => ::coro::__private::Status::Suspended,
                Self::Suspend2 { .. } => ::coro::__private::Status::Suspended,
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
        Resume4,
    }
    struct __CoroStart<Formal> {
        formal: Formal,
    }
    struct __CoroResume2<Name, Sent5> {
        sent5: Sent5,
        name: Name,
    }
    struct __CoroResume3<Sent6> {
        sent6: Sent6,
    }
    struct __CoroJoin1<NameDropFlag, N> {
        n: N,
        name_drop_flag: NameDropFlag,
    }
    struct __CoroResume4<NameDropFlag, N, Sent7> {
        sent7: Sent7,
        n: N,
        name_drop_flag: NameDropFlag,
    }
    struct __CoroSuspend0<Name> {
        name: Name,
    }
    struct __CoroSuspend1 {}
    struct __CoroSuspend2<NameDropFlag, N> {
        n: N,
        name_drop_flag: NameDropFlag,
    }
    /// How the step reaches the state without naming it (see `coro-macros`'
    /// `emit.rs`).
    trait __CoroStateOps {
        type Start;
        type Saved0;
        type Saved1;
        type Saved2;
        fn which(&mut self) -> __CoroLabel;
        fn take_start(&mut self) -> Self::Start;
        fn take0(&mut self) -> Self::Saved0;
        fn take1(&mut self) -> Self::Saved1;
        fn take2(&mut self) -> Self::Saved2;
        fn suspend0(&mut self, saved: Self::Saved0);
        fn suspend1(&mut self, saved: Self::Saved1);
        fn suspend2(&mut self, saved: Self::Saved2);
    }
    impl<Formal, Name, NameDropFlag, N> __CoroStateOps
    for __CoroState<Formal, Name, NameDropFlag, N> {
        type Start = __CoroStart<Formal>;
        type Saved0 = __CoroSuspend0<Name>;
        type Saved1 = __CoroSuspend1;
        type Saved2 = __CoroSuspend2<NameDropFlag, N>;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::Resume2,
                Self::Suspend1 { .. } => __CoroLabel::Resume3,
                Self::Suspend2 { .. } => __CoroLabel::Resume4,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "greeting",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { formal: __coro_v0, .. } => {
                    __CoroStart { formal: __coro_v0 }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 { name: __coro_v1 } => __CoroSuspend0 { name: __coro_v1 },
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
        fn take2(&mut self) -> Self::Saved2 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend2 { name_drop_flag: __coro_v2, n: __coro_v3 } => {
                    __CoroSuspend2 {
                        name_drop_flag: __coro_v2,
                        n: __coro_v3,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { name: __coro_v1 } = saved;
            *self = Self::Suspend0 { name: __coro_v1 };
        }
        #[inline(always)]
        fn suspend1(&mut self, saved: Self::Saved1) {
            let __CoroSuspend1 {} = saved;
            *self = Self::Suspend1 {};
        }
        #[inline(always)]
        fn suspend2(&mut self, saved: Self::Saved2) {
            let __CoroSuspend2 { name_drop_flag: __coro_v2, n: __coro_v3 } = saved;
            *self = Self::Suspend2 {
                name_drop_flag: __coro_v2,
                n: __coro_v3,
            };
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<Formal> {
        formal: Formal,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<Formal>(
        _: ::coro::__private::TypeOf<__CoroArgs<Formal>>,
        _: &::coro::__private::Option<__CoroStart<Formal>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<Formal, Name, NameDropFlag, N>(
        _: &__CoroState<Formal, Name, NameDropFlag, N>,
        _: ::coro::__private::TypeOf<__CoroArgs<Formal>>,
    ) {}
    {
        let __coro_args = __CoroArgs { formal: formal };
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<()>,
            | -> ::coro::__private::CoroutineState<(), usize> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                    ProbeIterator as _, ProbeUnsupported as _,
                };
                let mut __coro_slot_0 = ::coro::__private::None;
                let mut __coro_saved_0 = ::coro::__private::None;
                let mut __coro_saved_1 = ::coro::__private::None;
                let mut __coro_saved_2 = ::coro::__private::None;
                let __coro_saved_type_0 = ::core::marker::PhantomData;
                let __coro_saved_type_1 = ::core::marker::PhantomData;
                let __coro_saved_type_2 = ::core::marker::PhantomData;
                __coro_start_types(__coro_args_ty, &__coro_slot_0);
                let __coro_type_1 = ::core::marker::PhantomData;
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
                    __CoroLabel::Resume4 => {
                        __coro_saved_2 = ::coro::__private::Some(
                            __CoroStateOps::take2(__coro_state),
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
                            let __CoroStart { formal: formal } = {
                                ::coro::__private::discard(__coro_arg.take());
                                ::coro::__private::take(&mut __coro_slot_0)
                            };
                            let name;
                            if formal {
                                name = String::from("Sir");
                                {
                                    let yielded: () = ();
                                    let __coro_saved = __CoroSuspend0 { name: name };
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_0,
                                    );
                                    __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                    return ::coro::__private::CoroutineState::Yielded(yielded);
                                }
                            } else {
                                {
                                    let yielded: () = ();
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
                            let __CoroJoin1 {
                                name_drop_flag: mut __coro_name_drop_flag2,
                                n: n,
                            } = {
                                let __coro_incoming = {
                                    let __coro_into_1_0;
                                    '__coro_to_1_0: {
                                        let __coro_in = {
                                            let __CoroSuspend0 { name: __coro_v1 } = {
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
                                                name: __coro_v1,
                                                sent5: match __coro_arg.take() {
                                                    ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                    ::coro::__private::None => {
                                                        ::coro::__private::unreachable_start("greeting")
                                                    }
                                                },
                                            }
                                        };
                                        let name = __coro_in.name;
                                        let n;
                                        let mut __coro_sent5 = __coro_in.sent5;
                                        ::coro::__private::discard(__coro_sent5);
                                        n = str::len(&name);
                                        {
                                            __coro_into_1_0 = __CoroJoin1 {
                                                name_drop_flag: ::coro::__private::Some(name),
                                                n: n,
                                            };
                                            break '__coro_to_1_0;
                                        }
                                    }
                                    __coro_into_1_0
                                };
                                ::coro::__private::same_type(
                                    &__coro_incoming,
                                    &__coro_type_1,
                                );
                                __coro_incoming
                            };
                            {
                                let yielded: () = ();
                                let __coro_saved = __CoroSuspend2 {
                                    name_drop_flag: __coro_name_drop_flag2,
                                    n: n,
                                };
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_2,
                                );
                                __CoroStateOps::suspend2(__coro_state, __coro_saved);
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
                            let __CoroJoin1 {
                                name_drop_flag: mut __coro_name_drop_flag2,
                                n: n,
                            } = {
                                let __coro_incoming = {
                                    let __coro_into_1_1;
                                    '__coro_to_1_1: {
                                        let n;
                                        let __CoroResume3 { sent6: mut __coro_sent6 } = {
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
                                                sent6: match __coro_arg.take() {
                                                    ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                    ::coro::__private::None => {
                                                        ::coro::__private::unreachable_start("greeting")
                                                    }
                                                },
                                            }
                                        };
                                        ::coro::__private::discard(__coro_sent6);
                                        n = 0;
                                        {
                                            __coro_into_1_1 = __CoroJoin1 {
                                                name_drop_flag: ::coro::__private::None,
                                                n: n,
                                            };
                                            break '__coro_to_1_1;
                                        }
                                    }
                                    __coro_into_1_1
                                };
                                ::coro::__private::same_type(
                                    &__coro_incoming,
                                    &__coro_type_1,
                                );
                                __coro_incoming
                            };
                            {
                                let yielded: () = ();
                                let __coro_saved = __CoroSuspend2 {
                                    name_drop_flag: __coro_name_drop_flag2,
                                    n: n,
                                };
                                ::coro::__private::same_type(
                                    &__coro_saved,
                                    &__coro_saved_type_2,
                                );
                                __CoroStateOps::suspend2(__coro_state, __coro_saved);
                                return ::coro::__private::CoroutineState::Yielded(yielded);
                            }
                        }
                        #[allow(
                            unused_mut,
                            unused_variables,
                            unreachable_code,
                            clippy::all
                        )]
                        __CoroLabel::Resume4 => {
                            let __CoroResume4 {
                                name_drop_flag: _coro_unused_2,
                                n: n,
                                sent7: mut __coro_sent7,
                            } = {
                                let __CoroSuspend2 {
                                    name_drop_flag: __coro_v2,
                                    n: __coro_v3,
                                } = {
                                    let __coro_saved = ::coro::__private::take(
                                        &mut __coro_saved_2,
                                    );
                                    ::coro::__private::same_type(
                                        &__coro_saved,
                                        &__coro_saved_type_2,
                                    );
                                    __coro_saved
                                };
                                __CoroResume4 {
                                    name_drop_flag: __coro_v2,
                                    n: __coro_v3,
                                    sent7: match __coro_arg.take() {
                                        ::coro::__private::Some(__coro_sent) => __coro_sent,
                                        ::coro::__private::None => {
                                            ::coro::__private::unreachable_start("greeting")
                                        }
                                    },
                                }
                            };
                            ::coro::__private::discard(__coro_sent7);
                            {
                                let __coro_return_value: usize = n;
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
                __coro_state: &__CoroState<_, _, _, _>,
                __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
            | -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                __coro_state_types(__coro_state, __coro_args_ty);
                match __coro_state {
                    __CoroState::Unresumed { formal: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "greeting",
                            ::coro::__private::Frame::Created,
                            &[
                                (
                                    "formal",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 { name: __coro_v1, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "greeting",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 6u32,
                            },
                            &[
                                (
                                    "name",
                                    (&&::coro::__private::DebugProbe(__coro_v1)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend1 { .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "greeting",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 1usize,
                                line: 9u32,
                            },
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend2 {
                        name_drop_flag: __coro_v2,
                        n: __coro_v3,
                        ..
                    } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "greeting",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 2usize,
                                line: 12u32,
                            },
                            &[
                                (
                                    "n",
                                    (&&::coro::__private::DebugProbe(__coro_v3)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "greeting",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "greeting",
                            ::coro::__private::Frame::Poisoned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                }
            },
            move || {
                let __CoroArgs { formal: __coro_v0 } = __coro_args;
                __CoroState::Unresumed {
                    formal: __coro_v0,
                }
            },
        )
    }
}
