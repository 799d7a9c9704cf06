//! Opening a file of a submission folder as a hostile folder may present it.
//!
//! Only a regular file directly in the folder (or its `attachments/`) is opened: never
//! through a symbolic link, never a FIFO (whose open would wait for a writer forever), a
//! socket or a device. The file is opened without following links and without blocking,
//! and what was opened is checked again, so swapping the entry between look and open
//! does not help. Contents are hashed as a stream, never held whole.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::names::{self, ATTACHMENTS, BadName};

/// What kind of entry a folder holds under a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    Link,
    Fifo,
    Socket,
    Device,
    Other,
}

impl Kind {
    pub fn of(metadata: &Metadata) -> Kind {
        let file_type = metadata.file_type();
        if file_type.is_symlink() {
            return Kind::Link;
        }
        if file_type.is_file() {
            return Kind::File;
        }
        if file_type.is_dir() {
            return Kind::Folder;
        }
        special(&file_type)
    }

    /// The kind in words, for a message.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::File => crate::messages::archive::kind("file"),
            Kind::Folder => crate::messages::archive::kind("folder"),
            Kind::Link => crate::messages::archive::kind("link"),
            Kind::Fifo => crate::messages::archive::kind("fifo"),
            Kind::Socket => crate::messages::archive::kind("socket"),
            Kind::Device => crate::messages::archive::kind("device"),
            Kind::Other => crate::messages::archive::kind("other"),
        }
    }
}

#[cfg(unix)]
fn special(file_type: &std::fs::FileType) -> Kind {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        Kind::Fifo
    } else if file_type.is_socket() {
        Kind::Socket
    } else if file_type.is_block_device() || file_type.is_char_device() {
        Kind::Device
    } else {
        Kind::Other
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::FileType) -> Kind {
    Kind::Other
}

/// Why a listed file was not opened.
#[derive(Debug)]
pub enum Refusal {
    /// The manifest's name does not name a file of the folder.
    Name(BadName),
    /// The entry is not a regular file.
    NotAFile(Kind),
    Missing,
    /// Longer than the reader accepts.
    TooLarge {
        limit: u64,
    },
    Io(std::io::Error),
}

impl Refusal {
    /// The reason, as a user reads it.
    pub fn reason(&self) -> String {
        match self {
            Refusal::Name(bad) => bad.reason().to_string(),
            Refusal::NotAFile(kind) => {
                crate::messages::archive::not_a_regular_file(kind.describe())
            }
            Refusal::Missing => crate::messages::archive::missing().to_string(),
            Refusal::TooLarge { limit } => crate::messages::archive::over_limit(*limit),
            Refusal::Io(error) => {
                crate::messages::archive::unreadable(&crate::messages::errors::io_reason(error))
            }
        }
    }
}

/// Opens the member `name` of `dir` for reading, with its length.
pub fn open(dir: &Path, name: &str) -> Result<(File, u64), Refusal> {
    names::check_member_name(name).map_err(Refusal::Name)?;
    if let Some(rest) = name
        .strip_prefix(ATTACHMENTS)
        .and_then(|r| r.strip_prefix('/'))
    {
        let sub = dir.join(ATTACHMENTS);
        match entry_kind(&sub)? {
            Kind::Folder => return open_plain(&sub, rest),
            kind => return Err(Refusal::NotAFile(kind)),
        }
    }
    open_plain(dir, name)
}

/// The kind of the entry at `path`, without following a link.
pub fn entry_kind(path: &Path) -> Result<Kind, Refusal> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) => Ok(Kind::of(&metadata)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(Refusal::Missing),
        Err(error) => Err(Refusal::Io(error)),
    }
}

fn open_plain(dir: &Path, name: &str) -> Result<(File, u64), Refusal> {
    let path = dir.join(name);
    match entry_kind(&path)? {
        Kind::File => {}
        kind => return Err(Refusal::NotAFile(kind)),
    }
    let file = open_no_follow(&path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Refusal::Missing,
        _ if is_link_error(&error) => Refusal::NotAFile(Kind::Link),
        _ => Refusal::Io(error),
    })?;
    // The entry may have been swapped between the look and the open.
    let metadata = file.metadata().map_err(Refusal::Io)?;
    match Kind::of(&metadata) {
        Kind::File => Ok((file, metadata.len())),
        kind => Err(Refusal::NotAFile(kind)),
    }
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn is_link_error(error: &std::io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_link_error(_: &std::io::Error) -> bool {
    false
}

/// Hex SHA-256 of at most `limit + 1` bytes of `reader`, and how many bytes were read:
/// a count above `limit` means the file is longer than it may be.
pub fn hash_stream(reader: impl Read, limit: u64) -> std::io::Result<(String, u64)> {
    let mut reader = reader.take(limit.saturating_add(1));
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        hasher.update(&buffer[..n]);
        total += n as u64;
    }
    Ok((super::hex(&hasher.finalize()), total))
}

/// Reads a member whole, when it holds at most `limit` bytes.
pub fn read(dir: &Path, name: &str, limit: u64) -> Result<Vec<u8>, Refusal> {
    let (file, len) = open(dir, name)?;
    if len > limit {
        return Err(Refusal::TooLarge { limit });
    }
    crate::input::read_limited_from(file, limit).map_err(|error| match error {
        crate::input::Limited::Io(error) => Refusal::Io(error),
        crate::input::Limited::TooLarge => Refusal::TooLarge { limit },
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_fifos_and_folders_are_refused_by_kind() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("ok.md"), "x").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", d.join("link.md")).unwrap();
        std::fs::create_dir(d.join("folder.md")).unwrap();
        let fifo = std::ffi::CString::new(d.join("fifo.md").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file system entry.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert_eq!(open(d, "ok.md").unwrap().1, 1);
        for (name, kind) in [
            ("link.md", Kind::Link),
            ("folder.md", Kind::Folder),
            ("fifo.md", Kind::Fifo),
        ] {
            match open(d, name) {
                Err(Refusal::NotAFile(found)) => assert_eq!(found, kind, "{name}"),
                other => panic!("{name}: {other:?}"),
            }
        }
        assert!(matches!(open(d, "none.md"), Err(Refusal::Missing)));
        assert!(matches!(
            open(d, "../ok.md"),
            Err(Refusal::Name(BadName::Parent))
        ));
    }

    #[test]
    fn attachments_through_a_linked_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(elsewhere.path().join("a.pdf"), "x").unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(ATTACHMENTS)).unwrap();
        assert!(matches!(
            open(dir.path(), "attachments/a.pdf"),
            Err(Refusal::NotAFile(Kind::Link))
        ));
    }

    #[test]
    fn hashing_stops_one_byte_past_the_limit() {
        let (_, read) = hash_stream(std::io::repeat(0), 1000).unwrap();
        assert_eq!(read, 1001);
        let (hex, read) = hash_stream(&b"abc"[..], 1000).unwrap();
        assert_eq!(read, 3);
        assert_eq!(hex, super::super::sha256(b"abc"));
    }
}
