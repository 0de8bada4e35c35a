# Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
#       section "Event Handling" (Beazley's xml.sax example: an adapter
#       ContentHandler that turns SAX callbacks into events sent to a
#       pipeline of composable coroutines).
# Completed: the seed only describes it. This is Beazley's cosax.py adapter
# (EventHandler) and buses.py pipeline (buses_to_dicts -> filter_on_field ->
# filter_on_field -> bus_locations), ported to Python 3, run on a tiny bus
# feed shipped at examples/data/allroutes.xml (4 buses, 25 elements). It
# prints the route 22 North Bound buses in Beazley's format. dict(attrs)
# replaces the private attrs._attrs.
import os
import xml.sax

ALLROUTES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         '../../examples/data/allroutes.xml')


def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start


# An adapter: SAX callbacks become ('start'|'text'|'end', value) events
class EventHandler(xml.sax.ContentHandler):
    def __init__(self, target):
        self.target = target

    def startElement(self, name, attrs):
        self.target.send(('start', (name, dict(attrs))))

    def characters(self, text):
        self.target.send(('text', text))

    def endElement(self, name):
        self.target.send(('end', name))


@coroutine
def buses_to_dicts(target):
    while True:
        event, value = (yield)
        # Look for the start of a <bus> element
        if event == 'start' and value[0] == 'bus':
            busdict = {}
            fragments = []
            # Capture text of inner elements in a dict
            while True:
                event, value = (yield)
                if event == 'start':
                    fragments = []
                elif event == 'text':
                    fragments.append(value)
                elif event == 'end':
                    if value != 'bus':
                        busdict[value] = "".join(fragments)
                    else:
                        target.send(busdict)
                        break


@coroutine
def filter_on_field(fieldname, value, target):
    while True:
        d = (yield)
        if d.get(fieldname) == value:
            target.send(d)


@coroutine
def bus_locations():
    while True:
        bus = (yield)
        print("%(route)s,%(id)s,\"%(direction)s\","
              "%(latitude)s,%(longitude)s" % bus)


xml.sax.parse(ALLROUTES,
              EventHandler(
                  buses_to_dicts(
                      filter_on_field("route", "22",
                      filter_on_field("direction", "North Bound",
                      bus_locations())))
              ))
