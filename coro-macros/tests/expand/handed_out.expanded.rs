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
    ::coro::__private::machine(
        __CoroState::Unresumed {
            greeting: greeting,
        },
        #[inline(always)]
        move |
            __coro_state: &mut __CoroState<_, _, _>,
            __coro_arg: ::coro::__private::Option<String>,
        | -> ::coro::__private::CoroutineState<String, ()> {
            #[allow(unused_imports)]
            use ::coro::__private::{
                DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                ProbeIterator as _, ProbeUnsupported as _,
            };
            let mut __coro_slot_0 = ::coro::__private::None;
            let mut __coro_slot_3 = ::coro::__private::None;
            let mut __coro_next;
            match ::coro::__private::replace(__coro_state, __CoroState::Poisoned) {
                __CoroState::Unresumed { greeting: __coro_v0, .. } => {
                    ::coro::__private::discard(__coro_arg);
                    __coro_slot_0 = ::coro::__private::Some(__CoroStart {
                        greeting: __coro_v0,
                    });
                    __coro_next = __CoroLabel::Start;
                }
                __CoroState::Suspend0 { ty2: __coro_v2, session: __coro_v3 } => {
                    __coro_slot_3 = ::coro::__private::Some(__CoroResume3 {
                        ty2: __coro_v2,
                        session: __coro_v3,
                        sent4: match __coro_arg {
                            ::coro::__private::Some(__coro_sent) => __coro_sent,
                            ::coro::__private::None => {
                                ::coro::__private::unreachable_start("echo")
                            }
                        },
                    });
                    __coro_next = __CoroLabel::Resume3;
                }
                __coro_complete => {
                    ::coro::__private::resumed_when_complete(
                        "echo",
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
                        let __CoroLoopHead1 {
                            reply: mut reply,
                            ty2: __coro_ty2,
                            session: session,
                        } = {
                            let __coro_into_1_0;
                            '__coro_to_1_0: {
                                let __CoroStart { greeting: greeting } = ::coro::__private::take(
                                    &mut __coro_slot_0,
                                );
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
                            *__coro_state = __CoroState::Suspend0 {
                                ty2: __coro_ty2,
                                session: session,
                            };
                            return ::coro::__private::CoroutineState::Yielded(yielded);
                        }
                    }
                    #[allow(unused_mut, unused_variables, unreachable_code, clippy::all)]
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
                                } = ::coro::__private::take(&mut __coro_slot_3);
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
                            *__coro_state = __CoroState::Suspend0 {
                                ty2: __coro_ty2,
                                session: session,
                            };
                            return ::coro::__private::CoroutineState::Yielded(yielded);
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
    )
}
