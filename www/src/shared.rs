//! [`Shared`]: an `Rc` that props compare by identity.

use std::ops::Deref;
use std::rc::Rc;

/// A value shared between components and compared by pointer: every analysis makes new ones,
/// so equal pointers mean nothing changed. (The core's types need no `PartialEq` for this.)
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
