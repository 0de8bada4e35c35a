//! The live tasks: a slab, so that the ready queue reaches a task by its slot without
//! hashing, and tasks spawned together sit together in memory.

use std::collections::HashMap;
use std::collections::hash_map::Keys;
use std::vec::Vec;

use slab::Slab;

use super::task::TaskId;

/// Live tasks by id. Ids stay the public, sequential numbers; the slab slot (`key`) is
/// private and is what the ready queue holds beside the id, so the switch path (resume,
/// answer, requeue) never hashes. Lookups by id (kill, wait, state) go through `index`.
pub(super) struct Table<E> {
    slots: Slab<(TaskId, E)>,
    index: HashMap<TaskId, usize>,
}

impl<E> Table<E> {
    pub(super) fn new() -> Self {
        Table {
            slots: Slab::new(),
            index: HashMap::new(),
        }
    }

    /// Adds a task and returns its slot.
    pub(super) fn insert(&mut self, id: TaskId, entry: E) -> usize {
        let key = self.slots.insert((id, entry));
        self.index.insert(id, key);
        key
    }

    /// The slot of a live task.
    pub(super) fn key(&self, id: &TaskId) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The task in `key`, if it is still `id` (a slot is reused once its task is gone).
    pub(super) fn at_mut(&mut self, key: usize, id: TaskId) -> Option<&mut E> {
        match self.slots.get_mut(key) {
            Some((owner, entry)) if *owner == id => Some(entry),
            _ => None,
        }
    }

    pub(super) fn get(&self, id: &TaskId) -> Option<&E> {
        let key = self.key(id)?;
        self.slots.get(key).map(|(_, e)| e)
    }

    pub(super) fn get_mut(&mut self, id: &TaskId) -> Option<&mut E> {
        let key = self.key(id)?;
        self.slots.get_mut(key).map(|(_, e)| e)
    }

    pub(super) fn contains_key(&self, id: &TaskId) -> bool {
        self.index.contains_key(id)
    }

    pub(super) fn remove(&mut self, id: &TaskId) -> Option<E> {
        let key = self.index.remove(id)?;
        Some(self.slots.remove(key).1)
    }

    pub(super) fn len(&self) -> usize {
        self.slots.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub(super) fn keys(&self) -> Keys<'_, TaskId, usize> {
        self.index.keys()
    }

    /// Empties the table, handing out every entry.
    pub(super) fn drain(&mut self) -> impl Iterator<Item = (TaskId, E)> + '_ {
        self.index.clear();
        self.slots.drain()
    }

    /// Every live task, unordered.
    #[allow(dead_code)]
    pub(super) fn ids(&self) -> Vec<TaskId> {
        self.slots.iter().map(|(_, (id, _))| *id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_slot_does_not_answer_for_its_previous_task() {
        let mut table = Table::new();
        let (a, b) = (TaskId::new(1), TaskId::new(2));
        let key = table.insert(a, "a");
        assert_eq!(table.remove(&a), Some("a"));
        assert_eq!(table.insert(b, "b"), key); // the slot is reused...
        assert_eq!(table.at_mut(key, a), None); // ...but a stale (key, id) finds nothing
        assert_eq!(table.at_mut(key, b), Some(&mut "b"));
        assert_eq!(table.get(&a), None);
        assert_eq!(table.len(), 1);
    }
}
