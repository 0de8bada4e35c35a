# Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
#       section "A normal function vs a generator".
# Completed: the article's last next(gen) raises StopIteration uncaught; it is
# caught and reported here. Added the "for loops catch this automatically"
# remark from the text as a small for-loop drive.


def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n          # pause here, hand `n` to the caller
        n -= 1           # resume here on the next request
    print("done")


gen = countdown(3)       # NOTHING prints yet - the body hasn't run
print(next(gen))         # "starting countdown", then 3
print(next(gen))         # 2
print(next(gen))         # 1
try:
    print(next(gen))     # "done", then raises StopIteration
except StopIteration:
    print("StopIteration")

# A for loop is just this protocol with StopIteration caught for us.
for n in countdown(2):
    print(n)
