use coro::yield_;

struct Connection {
    sent: u32,
}

#[coro::coroutine]
fn session() -> impl Iterator<Item = u32> + Clone {
    let mut conn = Connection { sent: 0 };
    loop {
        conn.sent += 1;
        yield_!(conn.sent);
    }
}

fn main() {
    let _ = session().clone();
}
