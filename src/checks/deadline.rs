//! The publication deadline: 《法治政府建设与责任落实督察工作规定》 第二十四条 has the annual
//! report made public 每年4月1日之前, i.e. the report on year Y by 1 April of Y + 1.
//!
//! Read from the page's date (a `发布时间`/`成文日期` line, the signature's date, or a bare
//! date under the title) against the year covered as the title or text states it. Flagged:
//! a date after 1 April of Y + 1 (`2024-04-02` for a report on 2023). Silent: 1 April itself
//! and earlier, a month-only date in April (`2024-04`), a year guessed from the date itself,
//! and reports on years before 2019, when the rule was not in force.

use crate::model::{Code, Diagnostic, Meta};

/// The `late-publication` finding for `meta` (view coordinates), if the date is late.
pub fn check_deadline(meta: &Meta) -> Option<Diagnostic> {
    let year = meta.year.filter(|_| !meta.year_from_published)?;
    if year < 2019 {
        return None;
    }
    let date = meta.published.as_deref()?;
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m) = (parts.next()??, parts.next()??);
    let d = parts.next().flatten();
    let due = year as u32 + 1;
    let late = match (y.cmp(&due), d) {
        (std::cmp::Ordering::Greater, _) => true,
        (std::cmp::Ordering::Equal, Some(d)) => (m, d) > (4, 1),
        (std::cmp::Ordering::Equal, None) => m > 4,
        (std::cmp::Ordering::Less, _) => false,
    };
    if !late {
        return None;
    }
    let when = match d {
        Some(d) => format!("{y}年{m}月{d}日"),
        None => format!("{y}年{m}月"),
    };
    Some(Diagnostic {
        code: Code::LatePublication,
        severity: Code::LatePublication.severity(),
        message: format!(
            "{year}年度报告的公开日期为{when}，晚于{due}年4月1日（《法治政府建设与责任落实督察工作规定》第二十四条：每年4月1日之前向社会公开）"
        ),
        span: meta.published_span?,
        spans: Vec::new(),
        confidence: None,
        fix: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn meta(year: u16, published: &str) -> Meta {
        Meta {
            year: Some(year),
            published: Some(published.to_string()),
            published_span: Some(Span::new(0, 1)),
            ..Meta::default()
        }
    }

    #[test]
    fn after_the_first_of_april_is_late() {
        assert!(check_deadline(&meta(2023, "2024-04-02")).is_some());
        assert!(check_deadline(&meta(2023, "2025-01-10")).is_some());
        assert!(check_deadline(&meta(2023, "2024-05")).is_some());
    }

    #[test]
    fn on_time_and_unknowable_dates_stay_silent() {
        assert!(check_deadline(&meta(2023, "2024-04-01")).is_none());
        assert!(check_deadline(&meta(2023, "2024-03-31")).is_none());
        assert!(check_deadline(&meta(2023, "2024-04")).is_none());
        // Before the 督察工作规定.
        assert!(check_deadline(&meta(2017, "2018-06-01")).is_none());
        // The year was guessed from the date.
        let mut m = meta(2023, "2024-06-01");
        m.year_from_published = true;
        assert!(check_deadline(&m).is_none());
    }
}
