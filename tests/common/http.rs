//! A small HTTP/1.1 server on 127.0.0.1 for the link checker's tests and
//! benchmark: each connection on a thread of its own, answered by a
//! handler, one response per connection (`Connection: close`), every
//! request recorded, and the most requests it ever had in flight.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

pub enum Body {
    Text(String),
    /// Bytes for as long as the client reads them.
    Endless,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// How long to wait before answering.
    pub delay: Duration,
}

impl Reply {
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Text(format!("status {status}\n")),
            delay: Duration::ZERO,
        }
    }

    pub fn redirect(status: u16, to: &str) -> Reply {
        Reply::status(status).header("Location", to)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    pub fn endless(mut self) -> Reply {
        self.body = Body::Endless;
        self
    }
}

type Handler = dyn Fn(&Hit) -> Reply + Send + Sync;

struct Shared {
    handler: Box<Handler>,
    hits: Mutex<Vec<Hit>>,
    in_flight: AtomicUsize,
    most_in_flight: AtomicUsize,
}

pub struct Server {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Server {
    /// Listens on a free port of 127.0.0.1 until the process ends.
    pub fn start(handler: impl Fn(&Hit) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let shared = Arc::new(Shared {
            handler: Box::new(handler),
            hits: Mutex::new(Vec::new()),
            in_flight: AtomicUsize::new(0),
            most_in_flight: AtomicUsize::new(0),
        });
        let serving = Arc::clone(&shared);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&serving);
                thread::spawn(move || serve(&shared, stream));
            }
        });
        Server { addr, shared }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.shared
            .hits
            .lock()
            .map(|h| h.clone())
            .unwrap_or_default()
    }

    pub fn count(&self, method: &str, path: &str) -> usize {
        self.hits()
            .iter()
            .filter(|hit| hit.method == method && hit.path == path)
            .count()
    }

    /// Requests being answered now.
    pub fn in_flight(&self) -> usize {
        self.shared.in_flight.load(Ordering::SeqCst)
    }

    pub fn most_in_flight(&self) -> usize {
        self.shared.most_in_flight.load(Ordering::SeqCst)
    }
}

/// A port nothing listens on: bound, then let go.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    listener.local_addr().expect("local address").port()
}

fn serve(shared: &Shared, stream: TcpStream) {
    let Ok(reading) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(reading);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
        return;
    };
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some((key, value)) = header.split_once(':') {
            headers.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    let hit = Hit {
        method: method.to_string(),
        path: path.to_string(),
        headers,
    };
    if let Ok(mut hits) = shared.hits.lock() {
        hits.push(hit.clone());
    }
    let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    shared.most_in_flight.fetch_max(now, Ordering::SeqCst);
    let reply = (shared.handler)(&hit);
    thread::sleep(reply.delay);
    // Answered from the moment the answer starts: the client may ask
    // again as soon as it has read the status line, before this thread
    // has finished writing.
    shared.in_flight.fetch_sub(1, Ordering::SeqCst);
    let _ = answer(stream, &hit, &reply);
}

fn answer(mut stream: TcpStream, hit: &Hit, reply: &Reply) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} Status\r\nConnection: close\r\n", reply.status);
    for (key, value) in &reply.headers {
        let _ = write!(head, "{key}: {value}\r\n");
    }
    let length = match &reply.body {
        Body::Text(text) => text.len(),
        Body::Endless => 1 << 40,
    };
    let _ = write!(head, "Content-Length: {length}\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if hit.method == "HEAD" {
        return stream.flush();
    }
    match &reply.body {
        Body::Text(text) => stream.write_all(text.as_bytes())?,
        Body::Endless => {
            let chunk = [b'x'; 16 * 1024];
            loop {
                stream.write_all(&chunk)?;
            }
        }
    }
    stream.flush()
}
