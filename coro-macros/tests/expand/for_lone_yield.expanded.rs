#[allow(refining_impl_trait)]
fn upto(m: u64) -> impl Iterator<Item = u64> + ::coro::Control {
    yield_!(@ __coro_mark_used);
    /// The states of the coroutine `upto` between resumes.
    #[derive(::coro::__private::Clone)]
    #[allow(dead_code)]
    enum __CoroState<M, Iter1> {
        /// Created: holds the arguments; no line of the body has run.
        Unresumed { m: M },
        /// Suspended at `yield_!` #0, line 3.
        Suspend0 { iter1: Iter1 },
        /// Ran to the end.
        Returned,
        /// Panicked while running.
        Poisoned,
    }
    impl<M, Iter1> ::coro::__private::StateEnum for __CoroState<M, Iter1> {
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
        LoopExit2,
        FastExit0,
    }
    struct __CoroStart<M> {
        m: M,
    }
    struct __CoroLoopHead1<Iter1> {
        iter1: Iter1,
    }
    struct __CoroJoin3<Iter1> {
        iter1: Iter1,
    }
    struct __CoroLoopExit2 {}
    struct __CoroSuspend0<Iter1> {
        iter1: Iter1,
    }
    /// How the step reaches the state without naming it (see `coro-macros`'
    /// `emit.rs`).
    trait __CoroStateOps {
        type Start;
        type Saved0;
        type Fast0;
        fn which(&mut self) -> __CoroLabel;
        fn take_start(&mut self) -> Self::Start;
        fn take0(&mut self) -> Self::Saved0;
        fn suspend0(&mut self, saved: Self::Saved0);
        fn fast0(&mut self) -> ::coro::__private::Option<&mut Self::Fast0>;
    }
    impl<M, Iter1> __CoroStateOps for __CoroState<M, Iter1> {
        type Start = __CoroStart<M>;
        type Saved0 = __CoroSuspend0<Iter1>;
        type Fast0 = Iter1;
        #[inline(always)]
        fn which(&mut self) -> __CoroLabel {
            match self {
                Self::Unresumed { .. } => __CoroLabel::Start,
                Self::Suspend0 { .. } => __CoroLabel::FastExit0,
                _ => {
                    let __coro_complete = ::coro::__private::replace(
                        self,
                        Self::Poisoned,
                    );
                    ::coro::__private::resumed_when_complete(
                        "upto",
                        self,
                        &__coro_complete,
                    )
                }
            }
        }
        #[inline(always)]
        fn take_start(&mut self) -> Self::Start {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Unresumed { m: __coro_v0, .. } => __CoroStart { m: __coro_v0 },
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn take0(&mut self) -> Self::Saved0 {
            match ::coro::__private::replace(self, Self::Poisoned) {
                Self::Suspend0 { iter1: __coro_v1 } => {
                    __CoroSuspend0 { iter1: __coro_v1 }
                }
                _ => ::coro::__private::wrong_state(),
            }
        }
        #[inline(always)]
        fn suspend0(&mut self, saved: Self::Saved0) {
            let __CoroSuspend0 { iter1: __coro_v1 } = saved;
            *self = Self::Suspend0 { iter1: __coro_v1 };
        }
        #[inline(always)]
        fn fast0(&mut self) -> ::coro::__private::Option<&mut Self::Fast0> {
            match self {
                Self::Suspend0 { iter1, .. } => ::coro::__private::Some(iter1),
                _ => ::coro::__private::None,
            }
        }
    }
    /// The arguments, on their way into the state.
    struct __CoroArgs<M> {
        m: M,
    }
    /// The arguments' types, for the start block.
    #[inline(always)]
    fn __coro_start_types<M>(
        _: ::coro::__private::TypeOf<__CoroArgs<M>>,
        _: &::coro::__private::Option<__CoroStart<M>>,
    ) {}
    /// The arguments' types, for the state (the `Debug` closure calls it: the step
    /// gives the state the other parameters, through the ops trait).
    #[inline(always)]
    fn __coro_state_types<M, Iter1>(
        _: &__CoroState<M, Iter1>,
        _: ::coro::__private::TypeOf<__CoroArgs<M>>,
    ) {}
    {
        let __coro_args = __CoroArgs { m: m };
        let __coro_args_ty = ::coro::__private::type_of(&__coro_args);
        ::coro::__private::machine(
            #[inline(always)]
            move |
                __coro_state,
                mut __coro_arg: ::coro::__private::Option<()>,
            | -> ::coro::__private::CoroutineState<u64, ()> {
                #[allow(unused_imports)]
                use ::coro::__private::{
                    DefaultArg as _, NoDefaultArg as _, ProbeCoroutine as _,
                    ProbeIterator as _, ProbeUnsupported as _,
                };
                let mut __coro_slot_0 = ::coro::__private::None;
                let mut __coro_slot_2 = ::coro::__private::None;
                let mut __coro_saved_0 = ::coro::__private::None;
                let __coro_saved_type_0 = ::core::marker::PhantomData;
                __coro_start_types(__coro_args_ty, &__coro_slot_0);
                let __coro_for0 = ::coro::__private::resume_in_place(
                    __coro_state,
                    |__coro_state| {
                        if let ::coro::__private::Some(__coro_it) = __CoroStateOps::fast0(
                            __coro_state,
                        ) {
                            match __coro_arg.take() {
                                ::coro::__private::Some(__coro_sent) => {
                                    ::coro::__private::discard(__coro_sent)
                                }
                                ::coro::__private::None => {
                                    ::coro::__private::unreachable_start("upto")
                                }
                            }
                            ::coro::__private::Some(
                                match ::coro::__private::Iterator::next(__coro_it) {
                                    ::coro::__private::Some(i) => {
                                        ::coro::__private::Some({
                                            let yielded: u64 = i;
                                            yielded
                                        })
                                    }
                                    ::coro::__private::None => ::coro::__private::None,
                                },
                            )
                        } else {
                            ::coro::__private::None
                        }
                    },
                );
                if let ::coro::__private::Some(::coro::__private::Some(yielded)) = __coro_for0 {
                    return ::coro::__private::CoroutineState::Yielded(yielded);
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
                            let __CoroLoopExit2 {} = {
                                let __coro_incoming = {
                                    let __coro_into_2_1;
                                    '__coro_to_2_1: {
                                        let __CoroLoopHead1 { iter1: mut __coro_iter1 } = {
                                            let __coro_into_1_0;
                                            '__coro_to_1_0: {
                                                let __CoroStart { m: m } = {
                                                    ::coro::__private::discard(__coro_arg.take());
                                                    ::coro::__private::take(&mut __coro_slot_0)
                                                };
                                                let mut __coro_iter1 = ::coro::__private::IntoIterator::into_iter(
                                                    1..=m,
                                                );
                                                {
                                                    __coro_into_1_0 = __CoroLoopHead1 {
                                                        iter1: __coro_iter1,
                                                    };
                                                    break '__coro_to_1_0;
                                                }
                                            }
                                            __coro_into_1_0
                                        };
                                        match ::coro::__private::Iterator::next(&mut __coro_iter1) {
                                            ::coro::__private::Some(i) => {
                                                let yielded: u64 = i;
                                                let __coro_saved = __CoroSuspend0 {
                                                    iter1: __coro_iter1,
                                                };
                                                ::coro::__private::same_type(
                                                    &__coro_saved,
                                                    &__coro_saved_type_0,
                                                );
                                                __CoroStateOps::suspend0(__coro_state, __coro_saved);
                                                return ::coro::__private::CoroutineState::Yielded(yielded);
                                            }
                                            ::coro::__private::None => {
                                                {
                                                    __coro_into_2_1 = __CoroLoopExit2 {};
                                                    break '__coro_to_2_1;
                                                };
                                            }
                                        }
                                    }
                                    __coro_into_2_1
                                };
                                ::coro::__private::same_slot(
                                    &__coro_incoming,
                                    &__coro_slot_2,
                                );
                                __coro_incoming
                            };
                            {
                                let __coro_return_value: () = ();
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
                        __CoroLabel::LoopExit2 => {
                            let __CoroLoopExit2 {} = ::coro::__private::take(
                                &mut __coro_slot_2,
                            );
                            {
                                let __coro_return_value: () = ();
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
                            __coro_slot_2 = ::coro::__private::Some(__CoroLoopExit2 {});
                            __coro_next = __CoroLabel::LoopExit2;
                        }
                    }
                }
            },
            move |
                __coro_state: &__CoroState<_, _>,
                __coro_f: ::coro::__private::DebugOut<'_, '_, '_>,
            | -> ::coro::__private::fmt::Result {
                #[allow(unused_imports)]
                use ::coro::__private::{ViaDebug as _, ViaPlaceholder as _};
                __coro_state_types(__coro_state, __coro_args_ty);
                match __coro_state {
                    __CoroState::Unresumed { m: __coro_v0, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "upto",
                            ::coro::__private::Frame::Created,
                            &[
                                (
                                    "m",
                                    (&&::coro::__private::DebugProbe(__coro_v0)).__coro_debug(),
                                ),
                            ],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Suspend0 { iter1: __coro_v1, .. } => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "upto",
                            ::coro::__private::Frame::Suspended {
                                kind: "yield_!",
                                index: 0usize,
                                line: 3u32,
                            },
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Returned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "upto",
                            ::coro::__private::Frame::Returned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                    __CoroState::Poisoned => {
                        ::coro::__private::debug_frame(
                            __coro_f,
                            "upto",
                            ::coro::__private::Frame::Poisoned,
                            &[],
                            ::coro::__private::None,
                        )
                    }
                }
            },
            move || {
                let __CoroArgs { m: __coro_v0 } = __coro_args;
                __CoroState::Unresumed {
                    m: __coro_v0,
                }
            },
        )
    }
}
