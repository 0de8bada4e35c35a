//! `xml_pipeline`: a port of `tests/python/xml_pipeline.py`; prints exactly `tests/python/xml_pipeline.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       section "Event Handling" (Beazley's xml.sax example: an adapter
//! #       ContentHandler that turns SAX callbacks into events sent to a
//! #       pipeline of composable coroutines).
//! # Completed: the seed only describes it. This is Beazley's cosax.py adapter
//! # (EventHandler) and buses.py pipeline (buses_to_dicts -> filter_on_field ->
//! # filter_on_field -> bus_locations), ported to Python 3, run on a tiny bus
//! # feed shipped at examples/data/allroutes.xml (4 buses, 25 elements). It
//! # prints the route 22 North Bound buses in Beazley's format. dict(attrs)
//! # replaces the private attrs._attrs.
//! import os
//! import xml.sax
//!
//! ALLROUTES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
//!                          '../../examples/data/allroutes.xml')
//!
//!
//! def coroutine(func):
//!     def start(*args, **kwargs):
//!         cr = func(*args, **kwargs)
//!         next(cr)
//!         return cr
//!     return start
//!
//!
//! # An adapter: SAX callbacks become ('start'|'text'|'end', value) events
//! class EventHandler(xml.sax.ContentHandler):
//!     def __init__(self, target):
//!         self.target = target
//!
//!     def startElement(self, name, attrs):
//!         self.target.send(('start', (name, dict(attrs))))
//!
//!     def characters(self, text):
//!         self.target.send(('text', text))
//!
//!     def endElement(self, name):
//!         self.target.send(('end', name))
//!
//!
//! @coroutine
//! def buses_to_dicts(target):
//!     while True:
//!         event, value = (yield)
//!         # Look for the start of a <bus> element
//!         if event == 'start' and value[0] == 'bus':
//!             busdict = {}
//!             fragments = []
//!             # Capture text of inner elements in a dict
//!             while True:
//!                 event, value = (yield)
//!                 if event == 'start':
//!                     fragments = []
//!                 elif event == 'text':
//!                     fragments.append(value)
//!                 elif event == 'end':
//!                     if value != 'bus':
//!                         busdict[value] = "".join(fragments)
//!                     else:
//!                         target.send(busdict)
//!                         break
//!
//!
//! @coroutine
//! def filter_on_field(fieldname, value, target):
//!     while True:
//!         d = (yield)
//!         if d.get(fieldname) == value:
//!             target.send(d)
//!
//!
//! @coroutine
//! def bus_locations():
//!     while True:
//!         bus = (yield)
//!         print("%(route)s,%(id)s,\"%(direction)s\","
//!               "%(latitude)s,%(longitude)s" % bus)
//!
//!
//! xml.sax.parse(ALLROUTES,
//!               EventHandler(
//!                   buses_to_dicts(
//!                       filter_on_field("route", "22",
//!                       filter_on_field("direction", "North Bound",
//!                       bus_locations())))
//!               ))
//! ```
//!
//! The parser is the `quick-xml` crate. It is a pull parser: where `xml.sax.parse` calls
//! a `ContentHandler` back, `parse` below reads quick-xml's events in a loop and hands each
//! to the same `EventHandler` adapter, which sends it down the pipeline as `('start',
//! (name, attrs))`, `('text', text)` or `('end', name)`. `parse` does the few things
//! `xml.sax` does on top of the raw events: an empty element `<a/>` is a start and an end,
//! the predefined entities and character references (which quick-xml reports as events of
//! their own) are text, and the declaration, comments, processing instructions, and text
//! outside the root element are not reported. Everything after it is the program's
//! pipeline. The `('start', value)` tuples are an `Event` enum, and a bus's dict is a
//! `HashMap`. Beazley's `@coroutine` decorator is `primed`: each decorated coroutine is a
//! `*_body` coroutine function plus a function that builds and primes it, so callers get
//! primed coroutines as Python's do.

use std::collections::HashMap;

use coro::{Coroutine, yield_};
use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::{BytesRef, BytesStart, Event as XmlEvent};
use quick_xml::{Reader, XmlVersion};

const ALLROUTES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/allroutes.xml");

/// A SAX event, as the adapter sends it down the pipeline.
enum Event {
    /// `('start', (name, attrs))`
    Start(String, #[allow(dead_code)] HashMap<String, String>), // the pipeline ignores attrs
    /// `('text', text)`
    Text(String),
    /// `('end', name)`
    End(String),
}

/// A bus: element name -> text.
type Bus = HashMap<String, String>;

/// A coroutine that is sent `T`s and yields nothing back.
trait Sink<T>: Coroutine<T, Yield = (), Return = ()> {}
impl<T, C: Coroutine<T, Yield = (), Return = ()>> Sink<T> for C {}

/// `@coroutine`: advance a fresh coroutine to its first yield.
fn primed<T, C: Sink<T>>(mut coroutine: C) -> C {
    coroutine.start();
    coroutine
}

// ---- xml.sax.parse, on quick-xml --------------------------------------------------------

/// `xml.sax.parse(path, handler)`: quick-xml reads the file, and its events become the
/// handler's `startElement` / `characters` / `endElement` calls. Content is read as
/// XML 1.0, as `xml.sax`'s expat reads it.
fn parse(path: &str, handler: &mut EventHandler<impl Sink<Event>>) -> quick_xml::Result<()> {
    let mut reader = Reader::from_file(path)?;
    let mut buf = Vec::new();
    let mut depth = 0usize; // text outside the root element is not content
    loop {
        match reader.read_event_into(&mut buf)? {
            XmlEvent::Start(tag) => {
                handler.start_element(tag.name().0, attrs(&tag)?);
                depth += 1;
            }
            XmlEvent::Empty(tag) => {
                handler.start_element(tag.name().0, attrs(&tag)?);
                handler.end_element(tag.name().0);
            }
            XmlEvent::End(tag) => {
                handler.end_element(tag.name().0);
                depth -= 1; // quick-xml has checked that it matches a start tag
            }
            XmlEvent::Text(text) if depth > 0 => handler.characters(&text.xml10_content()),
            XmlEvent::CData(text) if depth > 0 => handler.characters(&text.xml10_content()),
            XmlEvent::GeneralRef(entity) if depth > 0 => handler.characters(&resolve(&entity)?),
            XmlEvent::Eof => return Ok(()),
            _ => {} // the declaration, comments, processing instructions, a DOCTYPE
        }
        buf.clear();
    }
}

/// `dict(attrs)`: the tag's attributes, their values normalized as XML 1.0 says (entities
/// expanded, whitespace made spaces), the one version `xml.sax`'s expat reads.
fn attrs(tag: &BytesStart) -> quick_xml::Result<HashMap<String, String>> {
    tag.attributes()
        .map(|attr| {
            let attr = attr?;
            Ok((
                attr.key.0.to_string(),
                attr.normalized_value(XmlVersion::Implicit1_0)?.into_owned(),
            ))
        })
        .collect()
}

/// The text an `&entity;` in content stands for: one of the five predefined entities or a
/// character reference (the feed declares no entities of its own).
fn resolve(entity: &BytesRef) -> quick_xml::Result<String> {
    if let Some(ch) = entity.resolve_char_ref()? {
        return Ok(ch.to_string());
    }
    match resolve_predefined_entity(entity) {
        Some(text) => Ok(text.to_string()),
        None => Err(EscapeError::UnrecognizedEntity(0..entity.len(), entity.to_string()).into()),
    }
}

// ---- the program ------------------------------------------------------------------------

/// An adapter: SAX callbacks become `Event`s sent to `target`.
struct EventHandler<T> {
    target: T,
}

impl<T: Sink<Event>> EventHandler<T> {
    fn start_element(&mut self, name: &str, attrs: HashMap<String, String>) {
        self.target.resume(Event::Start(name.to_string(), attrs));
    }

    fn characters(&mut self, text: &str) {
        self.target.resume(Event::Text(text.to_string()));
    }

    fn end_element(&mut self, name: &str) {
        self.target.resume(Event::End(name.to_string()));
    }
}

#[coro::coroutine]
fn buses_to_dicts_body(
    mut target: impl Sink<Bus>,
) -> impl Coroutine<Event, Yield = (), Return = ()> {
    loop {
        let event = yield_!();
        // Look for the start of a <bus> element
        if let Event::Start(name, _) = &event
            && name == "bus"
        {
            let mut busdict = Bus::new();
            let mut fragments = Vec::new();
            // Capture text of inner elements in a dict
            loop {
                match yield_!() {
                    Event::Start(..) => fragments = Vec::new(),
                    Event::Text(text) => fragments.push(text),
                    Event::End(name) => {
                        if name != "bus" {
                            busdict.insert(name, fragments.concat());
                        } else {
                            target.resume(busdict);
                            break;
                        }
                    }
                }
            }
        }
    }
}

fn buses_to_dicts(target: impl Sink<Bus>) -> impl Sink<Event> {
    primed(buses_to_dicts_body(target))
}

#[coro::coroutine]
fn filter_on_field_body(
    fieldname: &'static str,
    value: &'static str,
    mut target: impl Sink<Bus>,
) -> impl Coroutine<Bus, Yield = (), Return = ()> {
    loop {
        let d: Bus = yield_!();
        if d.get(fieldname).is_some_and(|v| v == value) {
            target.resume(d);
        }
    }
}

fn filter_on_field(
    fieldname: &'static str,
    value: &'static str,
    target: impl Sink<Bus>,
) -> impl Sink<Bus> {
    primed(filter_on_field_body(fieldname, value, target))
}

#[coro::coroutine]
fn bus_locations_body() -> impl Coroutine<Bus, Yield = (), Return = ()> {
    loop {
        let bus: Bus = yield_!();
        println!(
            "{},{},\"{}\",{},{}",
            bus["route"], bus["id"], bus["direction"], bus["latitude"], bus["longitude"]
        );
    }
}

fn bus_locations() -> impl Sink<Bus> {
    primed(bus_locations_body())
}

fn main() -> quick_xml::Result<()> {
    parse(
        ALLROUTES,
        &mut EventHandler {
            target: buses_to_dicts(filter_on_field(
                "route",
                "22",
                filter_on_field("direction", "North Bound", bus_locations()),
            )),
        },
    )
}
