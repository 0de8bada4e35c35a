# Seed: 001_37f29d5ea6b569f9.txt ("Coroutine Basics"), the two
#       "token counter" examples (histogram coroutine).
# Completed: nothing needed; both examples share counter() and differ only in
# the input, so they are run one after the other. Note that the coroutine
# yields the same dict object every time (state is a live reference).


def counter():  # histogram coroutine
    seen = {}  # token -> count
    while True:  # process stream
        token = yield seen  # expose dict, receive token
        seen[token] = seen.get(token, 0) + 1  # increment


# Example: Token counter
c = counter(); next(c)
for t in "a b a c a b".split():
    state = c.send(t)
print(state)

# Stateful coroutine tallies tokens pushed in
c = counter(); next(c)  # start
for t in "a b a c".split():  # tokens
    state = c.send(t)  # push
print(state)  # final counts
