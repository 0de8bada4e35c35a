//! A recursive generator: the in-order walk of a binary tree, as Python writes it with
//! `yield from inorder(node.left)`.
//!
//! A generator that delegates to itself would contain itself, an infinitely large type,
//! so the recursive call is boxed. (Python: `def inorder(t): if t: yield from
//! inorder(t.left); yield t.value; yield from inorder(t.right)`.)

use coro::{Coroutine, CoroutineState, DynCoroutine, yield_, yield_from};

/// A binary search tree.
enum Tree {
    Leaf,
    Node(Box<Tree>, i32, Box<Tree>),
}

impl Tree {
    fn insert(self, value: i32) -> Tree {
        match self {
            Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), value, Box::new(Tree::Leaf)),
            Tree::Node(left, v, right) if value < v => {
                Tree::Node(Box::new(left.insert(value)), v, right)
            }
            Tree::Node(left, v, right) => Tree::Node(left, v, Box::new(right.insert(value))),
        }
    }
}

/// The values in order, smallest first.
#[coro::coroutine]
fn inorder<'a>(tree: &'a Tree) -> impl Iterator<Item = i32> + 'a {
    if let Tree::Node(left, value, right) = tree {
        yield_from!(coro::boxed_iter(inorder(left)));
        yield_!(*value);
        yield_from!(coro::boxed_iter(inorder(right)));
    }
}

/// The values in order, and, as the return value, the depth of the tree: a recursive
/// coroutine, whose boxed calls keep their `Return` type through `DynCoroutine`.
#[coro::coroutine]
fn walk<'a>(tree: &'a Tree) -> impl Coroutine<Yield = i32, Return = usize> + 'a {
    match tree {
        Tree::Leaf => 0,
        Tree::Node(left, value, right) => {
            type Sub<'a> = Box<dyn DynCoroutine<Yield = i32, Return = usize> + 'a>;
            let left_depth = yield_from!(Box::new(walk(left)) as Sub<'a>);
            yield_!(*value);
            let right_depth = yield_from!(Box::new(walk(right)) as Sub<'a>);
            1 + left_depth.max(right_depth)
        }
    }
}

fn main() {
    let tree = [50, 30, 70, 20, 40, 60, 80, 35]
        .into_iter()
        .fold(Tree::Leaf, Tree::insert);
    let sorted: Vec<i32> = inorder(&tree).collect();
    println!("in order: {sorted:?}");
    assert_eq!(sorted, [20, 30, 35, 40, 50, 60, 70, 80]);

    let mut w = walk(&tree);
    let mut values = Vec::new();
    let depth = loop {
        match w.resume(()) {
            CoroutineState::Yielded(v) => values.push(v),
            CoroutineState::Complete(depth) => break depth,
        }
    };
    println!("walked {values:?}, depth {depth}");
    assert_eq!((values, depth), (sorted, 4));
}
