# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
#       section "The asyncio module" (awaiting two sleep() coroutines one
#       after the other vs. running them with asyncio.gather()).
# Completed: the seed's two programs both call their coroutine main() and
# omit the asyncio.run() call; here they are main_sequential() and
# main_gather(), each run with asyncio.run(). asyncio.sleep(4) is replaced by
# asyncio.sleep(0.02) (total run time ~0.06 s). Both gathered sleeps have the
# same duration; the timer started first fires first (FIFO), which is what
# makes "slept 1" come before "slept 2".
import asyncio


async def sleep(id):
    print("will sleep", id)
    await asyncio.sleep(0.02)
    print("slept", id)


async def main_sequential():
    await sleep(1)
    await sleep(2)


async def main_gather():
    await asyncio.gather(sleep(1), sleep(2))


print("sequential:")
asyncio.run(main_sequential())
print("gather:")
asyncio.run(main_gather())
