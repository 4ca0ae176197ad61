//! The file side of `key sign/verify/encrypt/decrypt --file`: hashing a file, writing an output
//! that appears whole or not at all, and streaming a compact JWE in and out through a bounded
//! buffer (the cryptography is `crypto::file_sig` / `crypto::file_jwe`).
//!
//! Outputs are written to a hidden temporary file beside the target (`.NAME.mhsm-partial-…`)
//! and moved into place only when everything succeeded — for decryption, only after the GCM
//! tag verified — so a failure never leaves a partial or unauthenticated file. Without
//! `--overwrite` the move is a hard link, which fails if the target appeared meanwhile.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use crate::commands::CliError;
use crate::crypto::b64::b64url_encode;
use crate::crypto::file_jwe::{B64Decoder, B64Encoder, Direction, Gcm, Header};

/// Read and write size: memory stays at a few of these whatever the file size.
const CHUNK: usize = 256 * 1024;

fn io_err(path: &Path, e: std::io::Error) -> CliError {
    CliError::Invalid(format!("{}: {e}", path.display()))
}

fn open(path: &Path) -> Result<File, CliError> {
    File::open(path).map_err(|e| io_err(path, e))
}

/// The digest `alg` signs, of a file's contents (read in chunks).
pub fn file_digest(path: &Path, alg: &str) -> Result<Vec<u8>, CliError> {
    let which = crate::crypto::file_sig::digest_of(alg).ok_or_else(|| {
        CliError::Invalid(format!(
            "--file needs an RSA or EC algorithm (RS*, PS*, ES*): {alg} signs the value itself; use --digest."
        ))
    })?;
    let mut f = open(path)?;
    let mut ctx = aws_lc_rs::digest::Context::new(which);
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = f.read(&mut buf).map_err(|e| io_err(path, e))?;
        if n == 0 {
            break;
        }
        ctx.update(&buf[..n]);
    }
    Ok(ctx.finish().as_ref().to_vec())
}

/// An output file that appears only on [`Output::commit`]; dropped uncommitted, it vanishes.
pub struct Output {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
    overwrite: bool,
}

impl Output {
    /// Refuses an existing `target` unless `overwrite`; creates the temporary file (mode 0600).
    pub fn create(target: &Path, overwrite: bool) -> Result<Output, CliError> {
        Self::check(target, overwrite)?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| CliError::Invalid(format!("{} is not a file name.", target.display())))?
            .to_string_lossy()
            .into_owned();
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        for attempt in 0u32.. {
            let tmp = dir.join(format!(
                ".{name}.mhsm-partial-{}-{attempt}",
                std::process::id()
            ));
            match opts.open(&tmp) {
                Ok(f) => {
                    return Ok(Output {
                        target: target.to_path_buf(),
                        tmp,
                        file: Some(BufWriter::with_capacity(CHUNK, f)),
                        overwrite,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {}
                Err(e) => return Err(io_err(&tmp, e)),
            }
        }
        unreachable!("the loop returns")
    }

    /// The usage error of an existing output without `--overwrite`.
    pub fn check(target: &Path, overwrite: bool) -> Result<(), CliError> {
        if !overwrite && std::fs::symlink_metadata(target).is_ok() {
            return Err(CliError::Invalid(format!(
                "{} exists: give another path, or --overwrite to replace it.",
                target.display()
            )));
        }
        Ok(())
    }

    pub fn writer(&mut self) -> &mut BufWriter<File> {
        self.file.as_mut().expect("open until commit")
    }

    /// Flushes, syncs, and moves the file into place.
    pub fn commit(mut self) -> Result<(), CliError> {
        let file = self.file.take().expect("open until commit");
        let f = file
            .into_inner()
            .map_err(|e| io_err(&self.tmp, e.into_error()))?;
        f.sync_all().map_err(|e| io_err(&self.tmp, e))?;
        drop(f);
        if self.overwrite {
            std::fs::rename(&self.tmp, &self.target).map_err(|e| io_err(&self.target, e))?;
        } else {
            std::fs::hard_link(&self.tmp, &self.target).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    CliError::Invalid(format!(
                        "{} exists: give another path, or --overwrite to replace it.",
                        self.target.display()
                    ))
                } else {
                    io_err(&self.target, e)
                }
            })?;
            let _ = std::fs::remove_file(&self.tmp);
        }
        self.tmp = PathBuf::new();
        Ok(())
    }

    /// Writes all of `bytes` and commits.
    pub fn write_all(mut self, bytes: &[u8]) -> Result<(), CliError> {
        let tmp = self.tmp.clone();
        self.writer()
            .write_all(bytes)
            .map_err(|e| io_err(&tmp, e))?;
        self.commit()
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.tmp.as_os_str().is_empty() {
            drop(self.file.take());
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Encrypts `input` into `out` as a compact JWE: header, the wrapped content key, IV,
/// ciphertext (streamed), tag.
pub fn seal_file(
    input: &Path,
    out: &mut Output,
    header: &Header,
    cek: &[u8; 32],
    iv: &[u8; 12],
    wrapped: &[u8],
) -> Result<(), CliError> {
    let crypto = |e: crate::crypto::CryptoError| CliError::Invalid(e.to_string());
    let mut f = open(input)?;
    let tmp = out.tmp.clone();
    let w = out.writer();
    let werr = |e| io_err(&tmp, e);
    let aad = header.segment();
    let mut gcm = Gcm::new(Direction::Seal, cek, iv, aad.as_bytes()).map_err(crypto)?;
    let mut text = format!("{aad}.");
    text.push_str(&b64url_encode(wrapped));
    text.push('.');
    text.push_str(&b64url_encode(iv));
    text.push('.');
    w.write_all(text.as_bytes()).map_err(werr)?;
    let mut enc = B64Encoder::default();
    let mut buf = vec![0u8; CHUNK];
    let mut ct = Vec::with_capacity(CHUNK + 16);
    loop {
        let n = f.read(&mut buf).map_err(|e| io_err(input, e))?;
        if n == 0 {
            break;
        }
        gcm.update(&buf[..n], &mut ct).map_err(crypto)?;
        text.clear();
        enc.update(&ct, &mut text);
        w.write_all(text.as_bytes()).map_err(werr)?;
    }
    text.clear();
    enc.finish(&mut text);
    text.push('.');
    text.push_str(&b64url_encode(&gcm.finish()));
    w.write_all(text.as_bytes()).map_err(werr)
}

/// A compact JWE file opened up to its ciphertext.
pub struct JweFile {
    pub path: PathBuf,
    pub header: Header,
    header_segment: Vec<u8>,
    pub encrypted_key: Vec<u8>,
    iv: [u8; 12],
    reader: BufReader<File>,
}

impl JweFile {
    fn malformed(path: &Path, why: &str) -> CliError {
        CliError::Invalid(format!(
            "{} is not a file JWE (RFC 7516 compact, A256GCM, as 'mhsm key encrypt --file' writes): {why}. Nothing was written.",
            path.display()
        ))
    }

    /// Reads one `.`-terminated segment of at most `max` characters.
    fn segment(
        r: &mut BufReader<File>,
        path: &Path,
        what: &str,
        max: u64,
    ) -> Result<Vec<u8>, CliError> {
        let mut seg = Vec::new();
        r.by_ref()
            .take(max + 1)
            .read_until(b'.', &mut seg)
            .map_err(|e| io_err(path, e))?;
        if seg.pop() != Some(b'.') {
            return Err(Self::malformed(
                path,
                &format!("truncated or oversized {what}"),
            ));
        }
        Ok(seg)
    }

    /// Reads the header, encrypted key and IV.
    pub fn open(path: &Path) -> Result<JweFile, CliError> {
        let mut reader = BufReader::with_capacity(CHUNK, open(path)?);
        let header_segment = Self::segment(&mut reader, path, "header", 16 * 1024)?;
        let header = Header::parse_segment(&header_segment)
            .map_err(|e| Self::malformed(path, &e.to_string()))?;
        let b64 = |seg: Vec<u8>, what: &str| {
            let mut out = Vec::new();
            let mut d = B64Decoder::default();
            d.update(&seg, &mut out)
                .and_then(|_| d.finish(&mut out))
                .map_err(|_| Self::malformed(path, &format!("{what} is not base64url")))?;
            Ok::<_, CliError>(out)
        };
        let encrypted_key = b64(
            Self::segment(&mut reader, path, "encrypted key", 4096)?,
            "the encrypted key",
        )?;
        let iv: [u8; 12] = b64(Self::segment(&mut reader, path, "IV", 64)?, "the IV")?
            .try_into()
            .map_err(|_| Self::malformed(path, "the IV is not 96 bits"))?;
        if encrypted_key.is_empty() {
            return Err(Self::malformed(path, "no encrypted key"));
        }
        Ok(JweFile {
            path: path.to_path_buf(),
            header,
            header_segment,
            encrypted_key,
            iv,
            reader,
        })
    }

    /// Decrypts the ciphertext into `out` and verifies the tag; `out` must not be committed
    /// unless this returns `Ok`.
    pub fn open_into(mut self, cek: &[u8], out: &mut Output) -> Result<(), CliError> {
        let path = self.path.clone();
        let cek: &[u8; 32] = cek.try_into().map_err(|_| {
            CliError::Invalid(format!(
                "The HSM unwrapped a {}-byte content key; A256GCM needs 32.",
                cek.len()
            ))
        })?;
        let crypto = |e: crate::crypto::CryptoError| Self::malformed(&path, &e.to_string());
        let mut gcm =
            Gcm::new(Direction::Open, cek, &self.iv, &self.header_segment).map_err(crypto)?;
        let tmp = out.tmp.clone();
        let w = out.writer();
        let mut dec = B64Decoder::default();
        let mut ct = Vec::with_capacity(CHUNK);
        let mut pt = Vec::with_capacity(CHUNK + 16);
        let mut ended = false;
        while !ended {
            let buf = self.reader.fill_buf().map_err(|e| io_err(&path, e))?;
            if buf.is_empty() {
                return Err(Self::malformed(&path, "truncated ciphertext (no tag)"));
            }
            let (take, used) = match buf.iter().position(|b| *b == b'.') {
                Some(i) => {
                    ended = true;
                    (i, i + 1)
                }
                None => (buf.len(), buf.len()),
            };
            ct.clear();
            dec.update(&buf[..take], &mut ct).map_err(crypto)?;
            self.reader.consume(used);
            gcm.update(&ct, &mut pt).map_err(crypto)?;
            w.write_all(&pt).map_err(|e| io_err(&tmp, e))?;
        }
        ct.clear();
        dec.finish(&mut ct).map_err(crypto)?;
        gcm.update(&ct, &mut pt).map_err(crypto)?;
        w.write_all(&pt).map_err(|e| io_err(&tmp, e))?;
        let mut rest = Vec::new();
        self.reader
            .by_ref()
            .take(64)
            .read_to_end(&mut rest)
            .map_err(|e| io_err(&path, e))?;
        let tag_text = rest.trim_ascii_end();
        let mut tag = Vec::new();
        let mut d = B64Decoder::default();
        d.update(tag_text, &mut tag)
            .and_then(|_| d.finish(&mut tag))
            .map_err(|_| Self::malformed(&path, "the tag is not base64url"))?;
        if tag.len() != 16 || rest.len() == 64 {
            return Err(Self::malformed(&path, "the tag is not 128 bits"));
        }
        if !gcm.verify(&tag) {
            return Err(CliError::Invalid(format!(
                "{} failed authentication (AES-GCM tag mismatch): it was modified or damaged. Nothing was written.",
                path.display()
            )));
        }
        Ok(())
    }
}
