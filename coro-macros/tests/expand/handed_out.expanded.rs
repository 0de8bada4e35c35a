#[allow(refining_impl_trait)]
fn echo(
    greeting: String,
) -> impl Coroutine<String, Yield = String, Return = ()> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `echo` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<Greeting, Ty2, Session> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { greeting: Greeting },
        /// Suspended at `yield_!` #0, line 5.
        Suspend0 { session: Session, ty2: Ty2 },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<Greeting, Ty2, Session> ::coro::__private::StateEnum
    for __CoroState<Greeting, Ty2, Session> {
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
    struct __CoroStart<Greeting> {
        greeting: Greeting,
    }
    struct __CoroLoopHead1<Reply, Ty2, Session> {
        session: Session,
        ty2: Ty2,
        reply: Reply,
    }
    struct __CoroResume3<Ty2, Session, Sent4> {
        sent4: Sent4,
        session: Session,
        ty2: Ty2,
    }
    struct __CoroSuspend0<Ty2, Session> {
        session: Session,
        ty2: Ty2,
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
    impl<Greeting, Ty2, Session> __CoroStateOps for __CoroState<Greeting, Ty2, Session> {
        type Start = __CoroStart<Greeting>;
        type Saved0 = __CoroSuspend0<Ty2, Session>;
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
                        "echo",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { greeting: __coro_v0, .. } => {
                    __CoroStart { greeting: __coro_v0 }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 { ty2: __coro_v2, session: __coro_v3 } => {
                    __CoroSuspend0 {
                        ty2: __coro_v2,
                        session: __coro_v3,
                    }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { ty2: __coro_v2, session: __coro_v3 } = saved;
            *self = Self::Suspend0 {
                ty2: __coro_v2,
                session: __coro_v3,
            };
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<Greeting> {
        greeting: Greeting,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<Greeting>(
        _: ::coro::__private::TypeOf<__CoroArgs<Greeting>>,
        _: &::coro::__private::Option<__CoroStart<Greeting>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<Greeting, Ty2, Session>(
        _: &__CoroState<Greeting, Ty2, Session>,
        _: ::coro::__private::TypeOf<__CoroArgs<Greeting>>,
    ) {}
    {
        let __coro_args = __CoroArgs { greeting: greeting };
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<String>,
            | -> ::coro::__private::CoroutineState<String, ()> {
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
                                reply: mut reply,
                                ty2: __coro_ty2,
                                session: session,
                            } = {
                                let __coro_into_1_0;
                                '__coro_to_1_0: {
                                    let __CoroStart { greeting: greeting } = {
                                        ::coro::__private::discard(__coro_arg.take());
                                        ::coro::__private::take(&mut __coro_slot_0)
                                    };
                                    let mut reply = greeting;
                                    let __coro_ty2 = ::coro::__private::type_of(&reply);
                                    let session = String::from("session");
                                    {
                                        __coro_into_1_0 = __CoroLoopHead1 {
                                            reply: reply,
                                            ty2: __coro_ty2,
                                            session: session,
                                        };
                                        break '__coro_to_1_0;
                                    }
                                }
                                __coro_into_1_0
                            };
                            {
                                let yielded: String = reply;
                                let __coro_saved = __CoroSuspend0 {
                                    ty2: __coro_ty2,
                                    session: session,
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
                                reply: mut reply,
                                ty2: __coro_ty2,
                                session: session,
                            } = {
                                let __coro_into_1_1;
                                '__coro_to_1_1: {
                                    let mut reply;
                                    let __CoroResume3 {
                                        ty2: __coro_ty2,
                                        session: session,
                                        sent4: mut __coro_sent4,
                                    } = {
                                        let __CoroSuspend0 { ty2: __coro_v2, session: __coro_v3 } = {
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
                                            ty2: __coro_v2,
                                            session: __coro_v3,
                                            sent4: match __coro_arg.take() {
                                                ::coro::__private::Some(__coro_sent) => __coro_sent,
                                                ::coro::__private::None => {
                                                    ::coro::__private::unreachable_start("echo")
                                                }
                                            },
                                        }
                                    };
                                    let cmd = __coro_sent4;
                                    reply = ::coro::__private::assign(
                                        __coro_ty2,
                                        format!("{session}: {cmd}"),
                                    );
                                    {
                                        __coro_into_1_1 = __CoroLoopHead1 {
                                            reply: reply,
                                            ty2: __coro_ty2,
                                            session: session,
                                        };
                                        break '__coro_to_1_1;
                                    }
                                }
                                __coro_into_1_1
                            };
                            {
                                let yielded: String = reply;
                                let __coro_saved = __CoroSuspend0 {
                                    ty2: __coro_ty2,
                                    session: session,
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
                    __CoroState::Unresumed { greeting: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "echo",
                            ::coro::__private::Frame::Created,
                            &[
                                (
                                    "greeting",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 { ty2: __coro_v2, session: __coro_v3, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "echo",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 5u32,
                            },
                            &[
                                (
                                    "session",
                                    (&&::coro::__private::DebugProbe(__coro_v3)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "echo",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "echo",
                            ::coro::__private::Frame::Poisoned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                }
            },
            move || {
                let __CoroArgs { greeting: __coro_v0 } = __coro_args;
                __CoroState::Unresumed {
                    greeting: __coro_v0,
                }
            },
        )
    }
}
