//! Writing files and submission folders so that no one can redirect the write and no
//! crash leaves half of it.
//!
//! A file is written under a temporary name that this process creates exclusively (an
//! entry planted there beforehand, a link included, is never opened: the next name is
//! tried), flushed to disk, and renamed over its target. A submission folder is written
//! by one process at a time, under a lock beside it (`.<name>.beppyo-lock`):
//!
//! 1. leftovers of an interrupted run are recovered (see [`FolderLock::recover`]);
//! 2. the files go into a staging folder unique to this process, each flushed, then the
//!    folder itself; the complete staging folder is renamed to `.<name>.beppyo-new`;
//! 3. an existing folder is moved aside to `.<name>.beppyo-old`, the new one renamed into
//!    place, the old one deleted. Each rename is flushed before the next step.
//!
//! Once the old folder has been moved aside, the new one is complete: a crash after that
//! point is finished by the next run; a crash before it is rolled back.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ArchiveError;
use super::member::{self, Kind};
use super::names;

/// How many temporary names are tried before giving up: only names planted on purpose
/// can exhaust them.
const TEMP_ATTEMPTS: u64 = 1000;

/// Distinguishes temporary names of threads of one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn next_suffix() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{}-{n}", std::process::id())
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The folder `path` is in (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn file_name(path: &Path) -> std::io::Result<&str> {
    path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            crate::messages::archive::path_without_file_name(),
        )
    })
}

/// Creates a new file that did not exist, never through a link.
fn create_new(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Creates `dir/.<stem>.<pid>-<n><suffix>` exclusively, trying further names when one is
/// taken.
fn create_temp(dir: &Path, stem: &str, suffix: &str) -> std::io::Result<(PathBuf, File)> {
    for _ in 0..TEMP_ATTEMPTS {
        let path = dir.join(format!(".{stem}.{}{suffix}", next_suffix()));
        match create_new(&path) {
            Ok(file) => return Ok((path, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        crate::messages::archive::temp_names_taken(&dir.display()),
    ))
}

/// Flushes a folder's entries (names created, renamed or removed) to disk.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Writes `bytes` to `path` through an exclusive temporary file in the same folder,
/// flushed, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = parent_of(path);
    let (tmp, mut file) = create_temp(dir, file_name(path)?, ".beppyo-tmp")?;
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path))
        .and_then(|()| sync_dir(dir));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// What writing a submission did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    /// The folder already held exactly these files.
    Unchanged,
    Replaced,
}

/// What the recovery of an interrupted run found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    /// The new folder of an interrupted replacement was complete and is now in place.
    Completed,
    /// The folder an interrupted replacement had moved aside is back in place.
    Restored,
    /// What an interrupted run left beside the folder was removed; the folder (or its
    /// absence) was left as it was.
    Cleaned,
}

/// The sole right to write one submission folder, held until dropped. The lock file
/// (`.<id>.beppyo-lock` beside the folder) is removed when the lock is released, so a
/// finished render leaves nothing but its folder.
#[derive(Debug)]
pub struct FolderLock {
    target: PathBuf,
    parent: PathBuf,
    name: String,
    path: PathBuf,
    _file: File,
}

/// How often [`FolderLock::acquire`] retries when the lock file it locked was removed by
/// the holder it waited for (a race of a few microseconds; more means something is wrong).
const LOCK_ATTEMPTS: usize = 16;

impl FolderLock {
    /// Takes the lock of the folder `target` (creating its parent), or fails at once
    /// with [`ArchiveError::Locked`] when another process holds it.
    pub fn acquire(target: &Path) -> Result<FolderLock, ArchiveError> {
        let parent = parent_of(target).to_path_buf();
        let name = file_name(target).map_err(io_error(target))?.to_string();
        std::fs::create_dir_all(&parent).map_err(io_error(&parent))?;
        let path = parent.join(format!(".{name}.beppyo-lock"));
        for _ in 0..LOCK_ATTEMPTS {
            let file = open_lock_file(&path).map_err(io_error(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(ArchiveError::Locked {
                        path: target.to_path_buf(),
                    });
                }
                Err(std::fs::TryLockError::Error(source)) => {
                    return Err(ArchiveError::Write { path, source });
                }
            }
            // The holder before us removes the file as it releases it: a lock taken on a
            // file no longer at `path` locks nothing, so open the path afresh.
            if !still_at(&file, &path) {
                continue;
            }
            return Ok(FolderLock {
                target: target.to_path_buf(),
                parent,
                name,
                path,
                _file: file,
            });
        }
        Err(ArchiveError::Locked {
            path: target.to_path_buf(),
        })
    }

    fn beside(&self, what: &str) -> PathBuf {
        self.parent.join(format!(".{}.beppyo-{what}", self.name))
    }

    /// Puts right what an interrupted run left: a replacement that had moved the old
    /// folder aside is completed with its new folder when that was ready, else the old
    /// folder is restored; staging folders and other leftovers are removed. Returns
    /// `None` when there was nothing to do.
    pub fn recover(&self) -> Result<Option<Recovery>, ArchiveError> {
        let old = self.real_folder(&self.beside("old"))?;
        let new = self.real_folder(&self.beside("new"))?;
        let staging = self.staging_leftovers()?;
        let target_missing = matches!(
            member::entry_kind(&self.target),
            Err(member::Refusal::Missing)
        );
        let recovery = if target_missing && let Some(new) = &new {
            self.rename(new, &self.target)?;
            Some(Recovery::Completed)
        } else if target_missing && let Some(old) = &old {
            self.rename(old, &self.target)?;
            Some(Recovery::Restored)
        } else if old.is_some() || new.is_some() || !staging.is_empty() {
            Some(Recovery::Cleaned)
        } else {
            None
        };
        for leftover in [old, new].into_iter().flatten().chain(staging) {
            if leftover.exists() {
                std::fs::remove_dir_all(&leftover).map_err(io_error(&leftover))?;
            }
        }
        if recovery.is_some() {
            sync_dir(&self.parent).map_err(io_error(&self.parent))?;
        }
        Ok(recovery)
    }

    /// `path` when it is a real folder; anything else planted under that name (a link,
    /// a file) is removed and never used.
    fn real_folder(&self, path: &Path) -> Result<Option<PathBuf>, ArchiveError> {
        match std::fs::symlink_metadata(path) {
            Ok(metadata) if metadata.is_dir() => Ok(Some(path.to_path_buf())),
            Ok(_) => {
                std::fs::remove_file(path).map_err(io_error(path))?;
                Ok(None)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(ArchiveError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Staging folders of this submission left by runs that died while writing.
    fn staging_leftovers(&self) -> Result<Vec<PathBuf>, ArchiveError> {
        let prefix = format!(".{}.", self.name);
        let read_error = |source| ArchiveError::Read {
            path: self.parent.clone(),
            source,
        };
        let mut found = Vec::new();
        for entry in std::fs::read_dir(&self.parent).map_err(read_error)? {
            let entry = entry.map_err(read_error)?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with(&prefix)
                && name.ends_with(".beppyo-staging")
                && entry.file_type().is_ok_and(|t| t.is_dir())
            {
                found.push(entry.path());
            }
        }
        Ok(found)
    }

    fn rename(&self, from: &Path, to: &Path) -> Result<(), ArchiveError> {
        std::fs::rename(from, to).map_err(io_error(to))?;
        sync_dir(&self.parent).map_err(io_error(&self.parent))
    }

    /// Writes `files` (name → bytes) as the locked folder. An existing folder with the
    /// same files is left alone; a different one is replaced only with `force`.
    pub fn write(
        &self,
        files: &BTreeMap<String, Vec<u8>>,
        force: bool,
    ) -> Result<WriteOutcome, ArchiveError> {
        self.write_with_copies(files, &[], force)
    }

    /// [`FolderLock::write`] with files copied as streams from outside the folder
    /// (attachments), each checked against the size and hash the manifest states.
    pub fn write_with_copies(
        &self,
        files: &BTreeMap<String, Vec<u8>>,
        copies: &[Copy],
        force: bool,
    ) -> Result<WriteOutcome, ArchiveError> {
        let exists = member::entry_kind(&self.target).is_ok();
        if exists && same_files(&self.target, files, copies) {
            return Ok(WriteOutcome::Unchanged);
        }
        if exists && !force {
            return Err(ArchiveError::Exists {
                path: self.target.clone(),
            });
        }
        let new = self.beside("new");
        self.stage(files, copies, &new)?;
        if !exists {
            self.rename(&new, &self.target)?;
            return Ok(WriteOutcome::Written);
        }
        let old = self.beside("old");
        self.rename(&self.target, &old)?;
        if let Err(error) = self.rename(&new, &self.target) {
            // Put the old folder back now rather than leave the recovery to the next run.
            let _ = std::fs::rename(&old, &self.target);
            let _ = std::fs::remove_dir_all(&new);
            return Err(error);
        }
        std::fs::remove_dir_all(&old).map_err(io_error(&old))?;
        sync_dir(&self.parent).map_err(io_error(&self.parent))?;
        Ok(WriteOutcome::Replaced)
    }

    /// Writes every file into a staging folder of this process, flushes it, and renames
    /// it to `ready`.
    fn stage(
        &self,
        files: &BTreeMap<String, Vec<u8>>,
        copies: &[Copy],
        ready: &Path,
    ) -> Result<(), ArchiveError> {
        let staging = self.create_staging()?;
        let result = fill(&staging, files, copies).and_then(|()| self.rename(&staging, ready));
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&staging);
        }
        result
    }

    fn create_staging(&self) -> Result<PathBuf, ArchiveError> {
        for _ in 0..TEMP_ATTEMPTS {
            let path = self
                .parent
                .join(format!(".{}.{}.beppyo-staging", self.name, next_suffix()));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(path),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(source) => return Err(ArchiveError::Write { path, source }),
            }
        }
        Err(ArchiveError::Write {
            path: self.parent.clone(),
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        })
    }
}

impl Drop for FolderLock {
    /// Removes the lock file while the lock is still held; the file closes (and unlocks)
    /// after. A process that opened the file before it went sees, once it holds the lock,
    /// that the path no longer names it, and starts again.
    fn drop(&mut self) {
        #[cfg(unix)]
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether `path` still names the open `file`.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Elsewhere a file's identity is not at hand: the lock file is then never removed (see
/// [`FolderLock`]'s `Drop`), so the file locked is always the one at the path.
#[cfg(not(unix))]
fn still_at(_file: &File, _path: &Path) -> bool {
    true
}

fn open_lock_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// A file the submission copies from outside its folder as a stream (an attachment's
/// PDF, up to 100 MiB): never held in memory whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// The member name (`attachments/別添1_policy.pdf`).
    pub name: String,
    /// Where it is copied from.
    pub source: PathBuf,
    /// The size and hash it had when the manifest was made; the copy must have them.
    pub bytes: u64,
    pub sha256: String,
}

/// Creates the member `name` of `staging` (and its folder, once), after checking the name.
fn create_member(
    staging: &Path,
    name: &str,
    folders: &mut Vec<PathBuf>,
) -> Result<(PathBuf, File), ArchiveError> {
    names::check_member_name(name).map_err(|bad| ArchiveError::Write {
        path: staging.join(name),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, bad.reason()),
    })?;
    let path = staging.join(name);
    let folder = parent_of(&path).to_path_buf();
    if !folders.contains(&folder) {
        std::fs::create_dir(&folder).map_err(io_error(&folder))?;
        folders.push(folder);
    }
    let file = create_new(&path).map_err(io_error(&path))?;
    Ok((path, file))
}

/// Copies `copy.source` into `file` as a stream, hashing what it writes: a source that
/// changed since its hash went into the manifest fails the write.
fn copy_into(copy: &Copy, path: &Path, file: &mut File) -> Result<(), ArchiveError> {
    let source = File::open(&copy.source).map_err(|source| ArchiveError::Read {
        path: copy.source.clone(),
        source,
    })?;
    let mut tee = HashingWriter {
        inner: &mut *file,
        hasher: <sha2::Sha256 as sha2::Digest>::new(),
    };
    let written = std::io::copy(
        &mut std::io::Read::take(source, copy.bytes.saturating_add(1)),
        &mut tee,
    )
    .map_err(io_error(path))?;
    let sha256 = super::hex(&sha2::Digest::finalize(tee.hasher));
    if written != copy.bytes || sha256 != copy.sha256 {
        return Err(ArchiveError::SourceChanged {
            path: copy.source.clone(),
        });
    }
    file.sync_all().map_err(io_error(path))
}

/// A writer that hashes what passes through it.
struct HashingWriter<'a> {
    inner: &'a mut File,
    hasher: sha2::Sha256,
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        sha2::Digest::update(&mut self.hasher, &buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the files into the fresh folder `staging`, each flushed, then the folders.
fn fill(
    staging: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    copies: &[Copy],
) -> Result<(), ArchiveError> {
    let mut folders = vec![staging.to_path_buf()];
    for (name, bytes) in files {
        let (path, mut file) = create_member(staging, name, &mut folders)?;
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(io_error(&path))?;
    }
    for copy in copies {
        let (path, mut file) = create_member(staging, &copy.name, &mut folders)?;
        copy_into(copy, &path, &mut file)?;
    }
    for folder in folders.iter().rev() {
        sync_dir(folder).map_err(io_error(folder))?;
    }
    Ok(())
}

/// Whether `dir` holds exactly `files` and `copies`: the same names, each a regular file
/// with the same bytes (a copy: the same size and hash).
fn same_files(dir: &Path, files: &BTreeMap<String, Vec<u8>>, copies: &[Copy]) -> bool {
    let Ok(present) = super::verify::list_members(dir) else {
        return false;
    };
    let mut names: Vec<&str> = files.keys().map(String::as_str).collect();
    names.extend(copies.iter().map(|c| c.name.as_str()));
    names.sort_unstable();
    present.len() == names.len()
        && present
            .iter()
            .zip(&names)
            .all(|(p, name)| p.name == *name && p.kind == Kind::File)
        && files.iter().all(|(name, bytes)| {
            member::read(dir, name, bytes.len() as u64).is_ok_and(|found| &found == bytes)
        })
        && copies.iter().all(|copy| {
            member::open(dir, &copy.name).is_ok_and(|(file, len)| {
                len == copy.bytes
                    && member::hash_stream(file, copy.bytes)
                        .is_ok_and(|(sha256, read)| read == len && sha256 == copy.sha256)
            })
        })
}

/// Writes `files` as the folder `target`: lock, recovery, then [`FolderLock::write`].
pub fn write_folder(
    target: &Path,
    files: &BTreeMap<String, Vec<u8>>,
    force: bool,
) -> Result<(WriteOutcome, Option<Recovery>), ArchiveError> {
    let lock = FolderLock::acquire(target)?;
    let recovery = lock.recover()?;
    let outcome = lock.write(files, force)?;
    Ok((outcome, recovery))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A process that opened the lock file before its holder released (and removed) it
    /// gets the lock on a file no longer at the path, and must not take that for the lock.
    #[test]
    fn a_lock_on_a_removed_lock_file_is_not_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub");
        let held = FolderLock::acquire(&target).unwrap();
        let lock_path = held.path.clone();
        let waiter = open_lock_file(&lock_path).unwrap();
        assert!(still_at(&waiter, &lock_path));
        drop(held);
        assert!(!lock_path.exists(), "released locks leave no file");
        waiter.try_lock().unwrap();
        assert!(!still_at(&waiter, &lock_path));
        let again = FolderLock::acquire(&target).unwrap();
        assert!(still_at(&again._file, &lock_path));
    }
}
