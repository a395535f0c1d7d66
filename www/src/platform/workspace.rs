//! The review desk's store (审查台): every report opened, dropped, pasted or read from a folder,
//! with its text, file name, kind, the date it was added, the reviewer's status and note, and
//! the edited 审查意见. Behind the [`Workspace`] trait, so that the app never touches the
//! browser's database: [`Idb`] keeps it in IndexedDB, [`Memory`] for the session only (when
//! the browser refuses storage: private mode, quota, no IndexedDB).
//!
//! Two object stores in database `report-lens` (version 1): `reports` holds the [`Entry`]s
//! (key path `id`, a few hundred bytes each, what the desk lists) and `texts` the texts by the
//! same id, so that listing 300 reports never reads their megabytes. The analysis is not
//! stored: the list shows the figures taken when the report was last saved, and opening one
//! analyses its text again (about 50 MB/s in wasm: a 30 KB report in under a millisecond).
//!
//! Hand-written on web-sys's IndexedDB bindings rather than `rexie` (0.6.2) or
//! `indexed_db_futures` (0.6.4), because of the page's first load (issue 21 allowed it 2 KB
//! gzipped for the whole desk): this layer needs six calls (open with its upgrade, a
//! transaction, get, getAll, put, delete), each awaited through one oneshot channel. Measured
//! on the same operations (open with both stores, put two records in one transaction, delete,
//! getAll, get), each alone in a cdylib built with this repo's MVP flags (`.cargo/config.toml`)
//! and lowered and optimised as trunk does (`wasm-opt -Oz` with the lowering passes):
//! hand-written 24.5 KB, **10.9 KB gzipped**; rexie 75.2 KB, **33.1 KB gzipped** (its `idb`
//! layer with `indexmap`, `num-traits` and two `thiserror` versions, and an error type per
//! call formatted through `core::fmt`). Both build and lower to MVP wasm; rexie's extra 22 KB
//! gzipped alone is eleven times the budget. `indexed_db_futures` was not measured: it brings
//! its own builder and error types through the `accessory`/`delegate-display` macros, the
//! same kind of cost.
use futures_channel::oneshot;
use report_lens::output::memo::Memo;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the reviewer stands with a report.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Pending,
    Reviewing,
    Reviewed,
    Revise,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Pending,
        Status::Reviewing,
        Status::Reviewed,
        Status::Revise,
    ];

    /// 待审, 审查中, 已审, 需修改 (also the workbook's 审查状态).
    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "待审",
            Status::Reviewing => "审查中",
            Status::Reviewed => "已审",
            Status::Revise => "需修改",
        }
    }

    /// The stable name used in the page's `<select>`s.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Reviewing => "reviewing",
            Status::Reviewed => "reviewed",
            Status::Revise => "revise",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// One report on the desk, without its text.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    /// The key: the time it was added (ms) plus a random fraction, unique across tabs.
    pub id: f64,
    /// The file name (empty when pasted).
    pub name: String,
    /// What it was read as: `PDF`, `Word .docx`, `GBK`, `粘贴`.
    pub kind: String,
    /// When it was added, ms since 1970.
    pub added: f64,
    /// When it was last the open report: the newest is the one restored.
    pub opened: f64,
    pub status: Status,
    pub note: String,
    // What the desk lists, from the core's overview row when the text was last saved.
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub year: Option<u16>,
    pub score: Option<u32>,
    pub problems: u32,
    /// The reviewer's edited 审查意见, once opened.
    pub memo: Option<Memo>,
}

impl Entry {
    /// The title, or the file name, or 未命名.
    pub fn label(&self) -> &str {
        match (&self.title, self.name.is_empty()) {
            (Some(t), _) => t,
            (None, false) => &self.name,
            (None, true) => "（未命名报告）",
        }
    }
}

/// Why the store failed, in Chinese for the user.
pub type Refused = String;

/// Shown when the browser refuses the database.
pub const REFUSED: &str = "浏览器不允许在本机保存审查台（隐私模式、存储空间已满或不支持 IndexedDB）：本次打开期间照常使用，关闭页面后审查台的报告、状态和备注不会保留。";

/// Shown when a write fails after the database opened (usually the quota).
pub const WRITE_FAILED: &str =
    "浏览器拒绝保存到审查台（存储空间可能已满）：本页内容仍在，请尽快导出 Excel 或审查意见。";

/// The desk's storage.
#[allow(async_fn_in_trait)] // one thread, no Send bounds wanted
pub trait Workspace {
    /// Every entry, in the order added.
    async fn entries(&self) -> Result<Vec<Entry>, Refused>;
    /// Entry `id`.
    async fn entry(&self, id: f64) -> Result<Option<Entry>, Refused>;
    /// The text of entry `id`.
    async fn text(&self, id: f64) -> Result<Option<String>, Refused>;
    /// Saves `entry`, and its text when given.
    async fn put(&self, entry: &Entry, text: Option<&str>) -> Result<(), Refused>;
    /// Removes entry `id` and its text.
    async fn delete(&self, id: f64) -> Result<(), Refused>;
}

/// The session-only store: what the desk uses when IndexedDB is refused (and in tests).
#[derive(Default)]
pub struct Memory {
    items: RefCell<Vec<(Entry, Rc<str>)>>,
}

impl Workspace for Memory {
    async fn entries(&self) -> Result<Vec<Entry>, Refused> {
        Ok(self.items.borrow().iter().map(|(e, _)| e.clone()).collect())
    }

    async fn entry(&self, id: f64) -> Result<Option<Entry>, Refused> {
        let items = self.items.borrow();
        Ok(items
            .iter()
            .find(|(e, _)| e.id == id)
            .map(|(e, _)| e.clone()))
    }

    async fn text(&self, id: f64) -> Result<Option<String>, Refused> {
        let items = self.items.borrow();
        Ok(items
            .iter()
            .find(|(e, _)| e.id == id)
            .map(|(_, t)| t.to_string()))
    }

    async fn put(&self, entry: &Entry, text: Option<&str>) -> Result<(), Refused> {
        let mut items = self.items.borrow_mut();
        match items.iter_mut().find(|(e, _)| e.id == entry.id) {
            Some(item) => {
                item.0 = entry.clone();
                if let Some(t) = text {
                    item.1 = t.into();
                }
            }
            None => items.push((entry.clone(), text.unwrap_or("").into())),
        }
        Ok(())
    }

    async fn delete(&self, id: f64) -> Result<(), Refused> {
        self.items.borrow_mut().retain(|(e, _)| e.id != id);
        Ok(())
    }
}

const DB: &str = "report-lens";
const REPORTS: &str = "reports";
const TEXTS: &str = "texts";

/// The desk in IndexedDB.
pub struct Idb {
    db: web_sys::IdbDatabase,
}

/// Resolves when `target` fires `success`/`complete` (true) or `error`/`abort` (false).
async fn settled(target: &web_sys::EventTarget, ok: &str, bad: &[&str]) -> bool {
    let (send, receive) = oneshot::channel();
    let send = Rc::new(RefCell::new(Some(send)));
    let on = |result: bool| {
        let send = send.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let Some(s) = send.borrow_mut().take() {
                let _ = s.send(result);
            }
        })
    };
    let (yes, no) = (on(true), on(false));
    let _ = target.add_event_listener_with_callback(ok, yes.as_ref().unchecked_ref());
    for b in bad {
        let _ = target.add_event_listener_with_callback(b, no.as_ref().unchecked_ref());
    }
    let result = receive.await.unwrap_or(false);
    // A later event (an abort after an error) must not call a dropped closure.
    let _ = target.remove_event_listener_with_callback(ok, yes.as_ref().unchecked_ref());
    for b in bad {
        let _ = target.remove_event_listener_with_callback(b, no.as_ref().unchecked_ref());
    }
    result
}

/// The value of a request, once it succeeded.
async fn value(request: Result<web_sys::IdbRequest, JsValue>) -> Result<JsValue, Refused> {
    let request = request.map_err(|_| WRITE_FAILED.to_string())?;
    if settled(&request, "success", &["error"]).await {
        request.result().map_err(|_| WRITE_FAILED.to_string())
    } else {
        Err(WRITE_FAILED.to_string())
    }
}

impl Idb {
    /// Opens (or creates) the database; `Err` when the browser refuses.
    pub async fn open() -> Result<Idb, Refused> {
        let refused = |_| REFUSED.to_string();
        let factory = gloo::utils::window()
            .indexed_db()
            .map_err(refused)?
            .ok_or_else(|| REFUSED.to_string())?;
        let request = factory.open_with_u32(DB, 1).map_err(refused)?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
            // Only from version 0: the database is new.
            let Some(request) = e.target() else { return };
            let request: web_sys::IdbOpenDbRequest = request.unchecked_into();
            if let Ok(db) = request.result() {
                let db: web_sys::IdbDatabase = db.unchecked_into();
                let keyed = web_sys::IdbObjectStoreParameters::new();
                keyed.set_key_path(&"id".into());
                let _ = db.create_object_store_with_optional_parameters(REPORTS, &keyed);
                let _ = db.create_object_store(TEXTS);
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = if settled(&request, "success", &["error", "blocked"]).await {
            request.result().map_err(refused)?
        } else {
            return Err(REFUSED.to_string());
        };
        Ok(Idb {
            db: db.unchecked_into(),
        })
    }

    fn store(&self, name: &str, write: bool) -> Result<web_sys::IdbObjectStore, Refused> {
        let mode = if write {
            web_sys::IdbTransactionMode::Readwrite
        } else {
            web_sys::IdbTransactionMode::Readonly
        };
        self.db
            .transaction_with_str_and_mode(name, mode)
            .and_then(|t| t.object_store(name))
            .map_err(|_| WRITE_FAILED.to_string())
    }

    /// Runs `f` on both stores in one read-write transaction; resolves when it is durable.
    async fn write(
        &self,
        f: impl FnOnce(&web_sys::IdbObjectStore, &web_sys::IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), Refused> {
        let names = js_sys::Array::of2(&REPORTS.into(), &TEXTS.into());
        let failed = |_| WRITE_FAILED.to_string();
        let t = self
            .db
            .transaction_with_str_sequence_and_mode(&names, web_sys::IdbTransactionMode::Readwrite)
            .map_err(failed)?;
        let (reports, texts) = (
            t.object_store(REPORTS).map_err(failed)?,
            t.object_store(TEXTS).map_err(failed)?,
        );
        f(&reports, &texts).map_err(failed)?;
        if settled(&t, "complete", &["error", "abort"]).await {
            Ok(())
        } else {
            Err(WRITE_FAILED.to_string())
        }
    }
}

impl Workspace for Idb {
    async fn entries(&self) -> Result<Vec<Entry>, Refused> {
        let all = value(self.store(REPORTS, false)?.get_all()).await?;
        let all: js_sys::Array = all.unchecked_into();
        // An entry written by another version that no longer reads is skipped, not fatal.
        Ok(all
            .iter()
            .filter_map(|v| serde_wasm_bindgen::from_value::<Entry>(v).ok())
            .collect())
    }

    async fn entry(&self, id: f64) -> Result<Option<Entry>, Refused> {
        let v = value(self.store(REPORTS, false)?.get(&id.into())).await?;
        Ok(serde_wasm_bindgen::from_value::<Entry>(v).ok())
    }

    async fn text(&self, id: f64) -> Result<Option<String>, Refused> {
        let v = value(self.store(TEXTS, false)?.get(&id.into())).await?;
        Ok(v.as_string())
    }

    async fn put(&self, entry: &Entry, text: Option<&str>) -> Result<(), Refused> {
        let value = serde_wasm_bindgen::to_value(entry).map_err(|_| WRITE_FAILED.to_string())?;
        self.write(|reports, texts| {
            reports.put(&value)?;
            if let Some(t) = text {
                texts.put_with_key(&t.into(), &entry.id.into())?;
            }
            Ok(())
        })
        .await
    }

    async fn delete(&self, id: f64) -> Result<(), Refused> {
        self.write(|reports, texts| {
            reports.delete(&id.into())?;
            texts.delete(&id.into())?;
            Ok(())
        })
        .await
    }
}

/// The store the page uses: IndexedDB, or the session's memory when refused.
pub enum Store {
    Idb(Idb),
    Memory(Memory),
}

impl Workspace for Store {
    async fn entries(&self) -> Result<Vec<Entry>, Refused> {
        match self {
            Store::Idb(s) => s.entries().await,
            Store::Memory(s) => s.entries().await,
        }
    }
    async fn entry(&self, id: f64) -> Result<Option<Entry>, Refused> {
        match self {
            Store::Idb(s) => s.entry(id).await,
            Store::Memory(s) => s.entry(id).await,
        }
    }
    async fn text(&self, id: f64) -> Result<Option<String>, Refused> {
        match self {
            Store::Idb(s) => s.text(id).await,
            Store::Memory(s) => s.text(id).await,
        }
    }
    async fn put(&self, entry: &Entry, text: Option<&str>) -> Result<(), Refused> {
        let done = match self {
            Store::Idb(s) => s.put(entry, text).await,
            Store::Memory(s) => s.put(entry, text).await,
        };
        if done.is_ok() {
            touched();
        }
        done
    }
    async fn delete(&self, id: f64) -> Result<(), Refused> {
        let done = match self {
            Store::Idb(s) => s.delete(id).await,
            Store::Memory(s) => s.delete(id).await,
        };
        if done.is_ok() {
            touched();
        }
        done
    }
}

thread_local! {
    static STORE: RefCell<Option<(Rc<Store>, Option<&'static str>)>> = const { RefCell::new(None) };
}

/// Opens the desk once: IndexedDB, or memory with the message why (told to every caller,
/// whichever opened it first).
pub async fn open() -> (Rc<Store>, Option<&'static str>) {
    if let Some(s) = STORE.with(|s| s.borrow().clone()) {
        return s;
    }
    let (store, refused) = match Idb::open().await {
        Ok(db) => (Store::Idb(db), None),
        Err(_) => (Store::Memory(Memory::default()), Some(REFUSED)),
    };
    // Two callers may have waited for the database at once: the first to finish wins.
    if let Some(s) = STORE.with(|s| s.borrow().clone()) {
        return s;
    }
    let opened = (Rc::new(store), refused);
    STORE.with(|s| *s.borrow_mut() = Some(opened.clone()));
    opened
}

/// A new entry's id: now, plus a fraction no other tab picks at the same millisecond.
pub fn new_id() -> f64 {
    js_sys::Date::now() + js_sys::Math::random() * 0.999
}

/// An id as text (a DOM key, `localStorage`), written by the browser: Rust's shortest float
/// formatting would add its tables to the page.
pub fn id_text(id: f64) -> String {
    js_sys::Number::from(id)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// An id read back from [`id_text`].
pub fn parse_id(text: &str) -> Option<f64> {
    let id = js_sys::Number::parse_float(text);
    (!id.is_nan()).then_some(id)
}

/// The key other tabs watch (`storage` events) to list the desk again.
pub const TOUCHED: &str = "report-lens:desk";

/// Tells other tabs that the desk changed.
fn touched() {
    if let Ok(Some(s)) = gloo::utils::window().local_storage() {
        let _ = s.set_item(TOUCHED, &id_text(js_sys::Date::now()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    /// Runs a future of the in-memory store, which never waits.
    fn run<T>(f: impl Future<Output = T>) -> T {
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("the in-memory store never waits"),
        }
    }

    fn entry(id: f64, name: &str) -> Entry {
        Entry {
            id,
            name: name.into(),
            ..Entry::default()
        }
    }

    #[test]
    fn memory_keeps_entries_in_order_with_their_texts() {
        let m = Memory::default();
        run(m.put(&entry(1.0, "a.txt"), Some("甲"))).unwrap();
        run(m.put(&entry(2.0, "b.txt"), Some("乙"))).unwrap();
        let names: Vec<_> = run(m.entries())
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(run(m.text(2.0)).unwrap().as_deref(), Some("乙"));
        assert_eq!(run(m.text(3.0)).unwrap(), None, "an unknown id has no text");
    }

    #[test]
    fn a_status_or_note_saved_without_a_text_keeps_the_text() {
        let m = Memory::default();
        run(m.put(&entry(1.0, "a.txt"), Some("原文"))).unwrap();
        let mut e = entry(1.0, "a.txt");
        e.status = Status::Revise;
        e.note = "请补充数据来源".into();
        run(m.put(&e, None)).unwrap();
        let listed = run(m.entries()).unwrap();
        assert_eq!(listed.len(), 1, "the same id is updated, not added");
        assert_eq!(listed[0].status, Status::Revise);
        assert_eq!(listed[0].note, "请补充数据来源");
        assert_eq!(run(m.text(1.0)).unwrap().as_deref(), Some("原文"));
    }

    #[test]
    fn delete_removes_the_entry_and_its_text() {
        let m = Memory::default();
        run(m.put(&entry(1.0, "a.txt"), Some("甲"))).unwrap();
        run(m.delete(1.0)).unwrap();
        assert!(run(m.entries()).unwrap().is_empty());
        assert_eq!(run(m.text(1.0)).unwrap(), None);
    }

    #[test]
    fn statuses_round_trip_by_name_and_label_in_order() {
        for s in Status::ALL {
            assert_eq!(Status::from_name(s.as_str()), Some(s));
        }
        let labels: Vec<_> = Status::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["待审", "审查中", "已审", "需修改"]);
        assert_eq!(Status::from_name("待审"), None, "names, not labels");
    }

    #[test]
    fn an_entry_is_labelled_by_title_then_file_name() {
        let mut e = entry(1.0, "");
        assert_eq!(e.label(), "（未命名报告）");
        e.name = "a.txt".into();
        assert_eq!(e.label(), "a.txt");
        e.title = Some("某区2023年法治政府建设年度报告".into());
        assert_eq!(e.label(), "某区2023年法治政府建设年度报告");
    }
}
