# Seed: 004_a92c39d6340c7ee3.txt ("Python: Generators, Coroutines, Native
#       Coroutines and async/await"), section "Native vs Generator Based
#       Coroutines: Interoperability" (a @types.coroutine generator-based
#       my_sleep_func awaited from a native display_date).
# Completed: the code is missing from the seed (image); reconstructed from the
# text and the asyncio docs example it builds on, made deterministic like
# display_date.py: my_sleep_func takes the delay as a parameter (fixed
# 0.20 s / 0.30 s instead of random.randint(0, 5)), end_time is + 0.48 s with
# a 0.1 s margin, each line prints its planned time (sum of the delays slept
# so far) instead of datetime.now(), and the loop stops once both coroutines
# are done (~0.6 s).
import asyncio
import types

DELAYS = {1: 0.20, 2: 0.30}      # replaces random.randint(0, 5)


@types.coroutine
def my_sleep_func(seconds):
    # a generator-based coroutine delegating to a native one
    yield from asyncio.sleep(seconds)


async def display_date(num, loop):
    end_time = loop.time() + 0.48
    planned = 0.0                # time this line is due: the delays slept so far
    while True:
        print("Loop: {} Time: {:.2f}".format(num, planned))
        if (loop.time() + 0.1) >= end_time:
            break
        await my_sleep_func(DELAYS[num])   # native coroutine awaits a generator-based one
        planned += DELAYS[num]


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

tasks = [asyncio.ensure_future(display_date(1, loop), loop=loop),
         asyncio.ensure_future(display_date(2, loop), loop=loop)]
asyncio.gather(*tasks).add_done_callback(lambda _: loop.stop())

loop.run_forever()
loop.close()
