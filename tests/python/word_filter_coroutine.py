# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
#       the pipe example "rewritten with coroutines", with Beazley's
#       @coroutine priming decorator.
# Completed: the decorator in the seed forgets to prime the generator; it now
# calls next(gen) (Beazley's original) before returning it. filter_step and
# print_step are decorated with @coroutine (the seed's driving code creates
# them without priming). Elided bodies: get_words sends each stripped line to
# `step`, filter_step forwards matches to `step`, print_step prints. The final
# get_words(f) call is added. Reads examples/data/words.txt instead of
# /usr/share/dict/words.
import os

WORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     '../../examples/data/words.txt')


def coroutine(fn):
    def start(*args, **kwargs):
        gen = fn(*args, **kwargs)
        next(gen)           # prime: advance to the first yield
        return gen
    return start


def get_words(step):
    with open(WORDS, 'r') as f:
        for line in f:
            step.send(line.strip())


@coroutine
def filter_step(step):
    while True:
        line = (yield)
        if (line[-3:] == 'ion'):
            step.send(line)


@coroutine
def print_step():
    while True:
        line = (yield)
        print(line)


p = print_step()
f = filter_step(p)
get_words(f)
