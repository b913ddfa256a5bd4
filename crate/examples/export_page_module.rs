//! Prints `www/generated/crate.js`, what the page takes from the crate: the examples'
//! parameters and the lanes' names (`make build`).

fn main() {
    print!("{}", playground::examples::page_module());
}
