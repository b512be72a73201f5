// Compiled for every target with the emitted Rust target spec: a #![no_core] crate needs no standard
// library for the target, so rustc's code generation (and its data-layout check) runs for real.
#![no_core]
#![feature(no_core, lang_items)]
#![allow(internal_features)]
#![crate_type = "lib"]

#[lang = "pointee_sized"]
pub trait PointeeSized {}
#[lang = "meta_sized"]
pub trait MetaSized: PointeeSized {}
#[lang = "sized"]
pub trait Sized: MetaSized {}
#[lang = "copy"]
pub trait Copy {}
impl Copy for u32 {}

#[no_mangle]
pub extern "C" fn veridian_probe(a: u32) -> u32 {
    a
}
