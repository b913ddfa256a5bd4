//! Prints `www/generated/params.js`, the examples' parameters for the page (`make build`).

fn main() {
    print!("{}", playground::examples::schema_module());
}
