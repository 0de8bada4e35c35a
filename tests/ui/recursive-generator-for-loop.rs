use coro::yield_;

struct Tree {
    value: u32,
    children: Vec<Tree>,
}

#[coro::coroutine]
fn walk(tree: &'static Tree) -> impl Iterator<Item = u32> {
    yield_!(tree.value);
    for child in &tree.children {
        for v in walk(child) {
            yield_!(v);
        }
    }
}

fn main() {
    let _ = walk;
    let _ = Tree { value: 0, children: Vec::new() }.value;
}
