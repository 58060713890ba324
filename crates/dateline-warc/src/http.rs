//! The HTTP message inside a `response` record: status line and the headers the corpus
//! pipeline needs, parsed with `httparse` in its most lenient configuration.

const MAX_HTTP_HEADERS: usize = 128;

/// A parsed HTTP response; `body` borrows from the record block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse<'a> {
    /// Status code, e.g. 200.
    pub status: u16,
    /// `Content-Type` value as sent (with any `charset=` parameter).
    pub content_type: Option<String>,
    /// `Date` value as sent (RFC 7231 date).
    pub date: Option<String>,
    /// `Content-Encoding`, when the archived payload is still encoded.
    pub content_encoding: Option<String>,
    /// `Transfer-Encoding`, when the archived payload is still chunked.
    pub transfer_encoding: Option<String>,
    /// The payload after the header block (the HTTP `Content-Length` is not trusted: crawlers
    /// store what they received).
    pub body: &'a [u8],
}

/// Why a block is not a readable HTTP response.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// httparse rejected the status line or header block.
    #[error("malformed HTTP response head: {0}")]
    Malformed(String),
    /// The block ends inside the header block.
    #[error("HTTP header block is incomplete")]
    Incomplete,
}

impl<'a> HttpResponse<'a> {
    /// Parses the status line and headers of `block`. Damage seen in crawls is tolerated:
    /// lines without a colon, bytes outside ASCII, folded lines, bare LF line ends.
    pub fn parse(block: &'a [u8]) -> Result<Self, HttpError> {
        let mut storage = [httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
        let mut response = httparse::Response::new(&mut storage);
        let mut config = httparse::ParserConfig::default();
        config
            .allow_obsolete_multiline_headers_in_responses(true)
            .allow_spaces_after_header_name_in_responses(true)
            .allow_multiple_spaces_in_response_status_delimiters(true)
            .ignore_invalid_headers_in_responses(true);
        let head_len = match config.parse_response(&mut response, block) {
            Ok(httparse::Status::Complete(n)) => n,
            Ok(httparse::Status::Partial) => return Err(HttpError::Incomplete),
            Err(e) => return Self::parse_by_lines(block, e),
        };
        let status = response
            .code
            .ok_or_else(|| HttpError::Malformed("no status code".into()))?;
        let header = |name: &str| {
            response
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
        };
        Ok(HttpResponse {
            status,
            content_type: header("Content-Type"),
            date: header("Date"),
            content_encoding: header("Content-Encoding"),
            transfer_encoding: header("Transfer-Encoding"),
            body: &block[head_len..],
        })
    }

    /// The fallback for header blocks httparse refuses even when lenient (a NUL byte, an
    /// empty header name): the status line must be sound, header lines are split at their
    /// first colon, and lines that cannot be read are passed over.
    fn parse_by_lines(block: &'a [u8], cause: httparse::Error) -> Result<Self, HttpError> {
        let malformed = || HttpError::Malformed(cause.to_string());
        let crlf = memchr::memmem::find(block, b"\r\n\r\n").map(|i| i + 4);
        let lf = memchr::memmem::find(block, b"\n\n").map(|i| i + 2);
        let head_len = match (crlf, lf) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).ok_or(HttpError::Incomplete)?,
        };
        let mut lines = block[..head_len]
            .split(|&b| b == b'\n')
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
        let status_line = lines.next().ok_or_else(malformed)?;
        if !status_line.starts_with(b"HTTP/") {
            return Err(malformed());
        }
        let status = status_line
            .split(|&b| b == b' ')
            .filter(|p| !p.is_empty())
            .nth(1)
            .and_then(|code| std::str::from_utf8(code).ok())
            .and_then(|code| code.parse::<u16>().ok())
            .filter(|code| (100..600).contains(code))
            .ok_or_else(malformed)?;
        let mut response = HttpResponse {
            status,
            content_type: None,
            date: None,
            content_encoding: None,
            transfer_encoding: None,
            body: &block[head_len..],
        };
        for line in lines {
            let Some(colon) = memchr::memchr(b':', line) else {
                continue;
            };
            let name = String::from_utf8_lossy(&line[..colon]);
            let value = || {
                Some(
                    String::from_utf8_lossy(&line[colon + 1..])
                        .trim()
                        .to_string(),
                )
            };
            let slot = match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => &mut response.content_type,
                "date" => &mut response.date,
                "content-encoding" => &mut response.content_encoding,
                "transfer-encoding" => &mut response.transfer_encoding,
                _ => continue,
            };
            if slot.is_none() {
                *slot = value();
            }
        }
        Ok(response)
    }

    /// The media type without parameters, lower-cased (`text/html`).
    pub fn mime_type(&self) -> Option<String> {
        let ct = self.content_type.as_deref()?;
        let mime = ct.split(';').next().unwrap_or(ct).trim();
        Some(mime.to_ascii_lowercase())
    }

    /// Whether the payload is HTML (or the server did not say, as many do for HTML).
    pub fn is_html(&self) -> bool {
        match self.mime_type().as_deref() {
            None | Some("") => true,
            Some(m) => m == "text/html" || m == "application/xhtml+xml" || m.ends_with("+html"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn status_content_type_and_date_are_read() {
        let block = b"HTTP/1.1 404 Not Found\r\nDate: Mon, 05 Aug 2024 00:00:01 GMT\r\n\
            content-type: text/html; charset=ISO-8859-1\r\n\r\n<p>gone</p>";
        let r = HttpResponse::parse(block).unwrap();
        assert_eq!(r.status, 404);
        assert_eq!(
            r.content_type.as_deref(),
            Some("text/html; charset=ISO-8859-1")
        );
        assert_eq!(r.date.as_deref(), Some("Mon, 05 Aug 2024 00:00:01 GMT"));
        assert_eq!(r.mime_type().as_deref(), Some("text/html"));
        assert_eq!(r.body, b"<p>gone</p>");
    }

    // A crawled header block with a colon-less line, non-ASCII bytes, a bare LF, a folded
    // line and an empty name must still give the status, type and body.
    #[test]
    fn garbled_header_block_still_parses() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
            X-Junk \xff\xfe no colon here\r\nSet-Cookie: a=\x80\x81; path=/\n\
            X-Folded: one\r\n\ttwo\r\n: nameless\r\nContent-Length: 99999\r\n\r\n<p>ok</p>";
        let r = HttpResponse::parse(block).unwrap();
        assert_eq!(r.status, 200);
        assert!(r.is_html());
        assert_eq!(r.body, b"<p>ok</p>");
    }

    // The garbled block of the corpus benchmark: a NUL byte in a colon-less line, a bare LF,
    // a folded line and an empty header name made httparse give up ("invalid header name").
    #[test]
    fn header_block_with_nul_and_empty_name_falls_back_to_line_parsing() {
        let block = b"HTTP/1.1 200 OK\r\nDate: Mon, 05 Aug 2024 00:00:01 GMT\r\n\
            Content-Type: text/html; charset=utf-8\r\n\
            X-Garbage \xff\xfe\x00 this line has no colon\r\n\
            Set-Cookie: sess=\x80\x81\x82; path=/; HttpOnly\n\
            X-Folded: first part\r\n\tcontinued on a folded line\r\n\
            : empty-name\r\nContent-Length: 99999\r\n\r\n<html><p>Loading</p>";
        let r = HttpResponse::parse(block).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type.as_deref(), Some("text/html; charset=utf-8"));
        assert_eq!(r.date.as_deref(), Some("Mon, 05 Aug 2024 00:00:01 GMT"));
        assert_eq!(r.body, b"<html><p>Loading</p>");
    }

    #[test]
    fn cut_header_block_is_incomplete() {
        assert_eq!(
            HttpResponse::parse(b"HTTP/1.1 200 OK\r\nContent-Ty"),
            Err(HttpError::Incomplete)
        );
    }

    #[test]
    fn non_http_block_is_malformed() {
        assert!(matches!(
            HttpResponse::parse(b"\x00\x01binary junk\r\n\r\n"),
            Err(HttpError::Malformed(_))
        ));
    }

    #[test]
    fn images_are_not_html_and_missing_type_is() {
        let img =
            HttpResponse::parse(b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n").unwrap();
        assert!(!img.is_html());
        let none = HttpResponse::parse(b"HTTP/1.1 200 OK\r\n\r\n<html></html>").unwrap();
        assert!(none.is_html());
    }
}
