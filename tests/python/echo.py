# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
#       PEP 342 section: "a simple coroutine that just prints what it
#       receives" and the follow-up showing the confusing first send().
# Completed: echo's elided body prints the received line, and lines are sent
# after the empty send(None) that initializes it. The second example (also
# called echo() in the seed) is named echo_ready here; it prints what it
# received, and the StopIteration raised by f.send('hi') is caught.


# Dummy function that prints what it receives
def echo():
    while True:
        line = (yield)
        print(line)


gen = echo()
gen.send(None)          # "initialize" the coroutine: run to the first yield
gen.send("hello")
gen.send("world")


def echo_ready():
    x = yield 'ready'
    print("received", x)


f = echo_ready()
print(f.send(None))     # Moves to the yield line, gets 'ready'
try:
    f.send('hi')        # Sends hi but throws StopIteration
except StopIteration:
    print("StopIteration")
