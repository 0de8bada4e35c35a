# Row: `x = yield v` + `gen.send(x)`. The seed article's averager: each send()
# delivers a value to the paused yield and returns the next yielded value.
# coro: `let value = yield_!(average);` + `avg.send(value)`.
# Pinned by tests/parity.rs, fn send_values.


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
print("primed ->", next(avg))
for value in (10, 20, 30):
    print("send", value, "->", avg.send(value))
