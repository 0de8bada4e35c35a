# Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
#       opening section "Just a quick overview of how a for loop works in Python".
# Completed: both code blocks are missing from the seed (images). Reconstructed
# as the text describes: a for loop over a list, and the equivalent
# iter()/next() loop that stops when StopIteration is raised.

numbers = [1, 2, 3]

for number in numbers:
    print(number)

# The code above is equivalent to the code below:
iterator = iter(numbers)
while True:
    try:
        number = next(iterator)
    except StopIteration:
        break
    print(number)
