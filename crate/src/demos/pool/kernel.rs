//! The row kernel: what the pool and the plain loop both run, one count per row.
//!
//! A crate of its own so that it can be compiled for speed (`opt-level = 3`, the `web`
//! profile of the workspace's Cargo.toml) while the rest of the page's wasm is compiled for
//! size: at "s" rustc does not vectorise loops, and this kernel ran 1.4–4× slower in the
//! page (README, Performance). Everything the pool runs per row is here, so that no call
//! from the code compiled for size sits inside a loop over the rows.

/// The row width of the tutorial's matrix, which [`Rows::count_into`] counts by a faster
/// path than any other width (from [`FAST_PATH_MIN_ROWS`] rows on).
pub const FAST_COLUMNS: usize = 5;

/// The tutorial's function: how many of the row's values are within the range.
pub fn howmany_within_range(row: &[u8], minimum: u8, maximum: u8) -> u32 {
    let Some(width) = maximum.checked_sub(minimum) else {
        return 0;
    };
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    return wasm_vectors::howmany_within(row, minimum, width);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    row.iter()
        .map(|&n| u32::from(within(n, minimum, width)))
        .sum()
}

/// `minimum <= n <= minimum + width` as one unsigned comparison, which both kernels sum
/// without a branch (`width`: the maximum less the minimum, when not below it).
fn within(n: u8, minimum: u8, width: u8) -> bool {
    n.wrapping_sub(minimum) <= width
}

/// Rows to count in, `columns` cells each, and the range to count: what every way of
/// counting (the loop, map, apply) is handed.
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    pub cells: &'a [u8],
    pub columns: usize,
    pub minimum: u8,
    pub maximum: u8,
}

impl<'a> Rows<'a> {
    pub fn count(&self) -> usize {
        self.cells.len() / self.columns
    }

    /// The first `rows` of these, borrowed.
    pub fn first(self, rows: usize) -> Self {
        Rows {
            cells: &self.cells[..rows * self.columns],
            ..self
        }
    }

    /// The same range in rows `chunk_rows` at a time.
    pub fn chunks(self, chunk_rows: usize) -> impl Iterator<Item = Rows<'a>> {
        let cells = self.cells.chunks(chunk_rows * self.columns);
        cells.map(move |cells| Rows { cells, ..self })
    }

    /// The kernel every way of counting shares, so that they differ only in who runs it:
    /// one count per row, written in place.
    pub fn count_into(self, counts: &mut [u32]) {
        let Rows {
            cells,
            columns,
            minimum,
            maximum,
        } = self;
        if columns == FAST_COLUMNS && counts.len() >= FAST_PATH_MIN_ROWS {
            count_five_column_rows_into(counts, cells, minimum, maximum);
            return;
        }
        for (count, row) in counts.iter_mut().zip(cells.chunks_exact(columns)) {
            *count = howmany_within_range(row, minimum, maximum);
        }
    }
}

/// One of starmap's argument tuples, `(row, minimum, maximum)`.
pub type StarmapItem<'a> = (&'a [u8], u8, u8);

/// What starmap runs on each item, `howmany_within_range(*item)`: on a chunk in the pool,
/// on all items in the loop it is compared with.
pub fn call_each(counts: &mut [u32], items: &[StarmapItem]) {
    for (count, &(row, minimum, maximum)) in counts.iter_mut().zip(items) {
        *count = howmany_within_range(row, minimum, maximum);
    }
}

/// Rows per block of [`count_five_column_rows_into`]: its flags fit in the L1 cache.
const BLOCK_ROWS: usize = 1024;

/// Fewer rows are counted row by row: the five-column path first zeroes its block of flags
/// (5 KB), which costs a call of a few rows (apply's, one row each) more than the counting.
pub const FAST_PATH_MIN_ROWS: usize = 64;

/// The tutorial's five-column rows, counted in two passes per block of rows, so that
/// neither needs a vector shuffle: first whether each value is within the range, over the
/// block's values as one flat slice (a plain vector loop); then each row's five flags
/// summed at once, read as one 64-bit word and added up by one multiplication (SWAR).
/// Counting row by row, LLVM vectorises with `i8x16.shuffle`s to pull the rows' columns
/// apart, which V8 lowers expensively (README, Performance).
fn count_five_column_rows_into(counts: &mut [u32], cells: &[u8], minimum: u8, maximum: u8) {
    // The words and masks below are written for rows of five.
    const _: () = assert!(FAST_COLUMNS == 5);
    debug_assert_eq!(counts.len() * FAST_COLUMNS, cells.len());
    const FIVE_BYTES: u64 = 0xFF_FFFF_FFFF;
    // Each of the five low bytes lands in byte 4 of the product: the sum of the flags.
    const SUM_INTO_BYTE_4: u64 = 0x01_0101_0101;
    let Some(width) = maximum.checked_sub(minimum) else {
        counts.fill(0);
        return;
    };
    // Three bytes of slack: the last row's eight-byte read stays inside the flags.
    let mut flags = [0u8; BLOCK_ROWS * FAST_COLUMNS + 3];
    for (counts, cells) in counts
        .chunks_mut(BLOCK_ROWS)
        .zip(cells.chunks(BLOCK_ROWS * FAST_COLUMNS))
    {
        for (flag, &n) in flags.iter_mut().zip(cells) {
            *flag = u8::from(within(n, minimum, width));
        }
        for (count, row) in counts
            .iter_mut()
            .zip(flags.windows(8).step_by(FAST_COLUMNS))
        {
            let word = u64::from_le_bytes(row.try_into().expect("a window of eight bytes"));
            *count = ((word & FIVE_BYTES).wrapping_mul(SUM_INTO_BYTE_4) >> 32) as u32 & 0xFF;
        }
    }
}

/// [`howmany_within_range`] in wasm, with the vector instructions written out. LLVM
/// vectorises the plain loop four values at a time, each vector's flags widened to 32 bits
/// and summed across with two `i8x16.shuffle`s, which V8 lowers expensively (README,
/// Performance); here each vector's count is the number of bits in its mask
/// (`i8x16.bitmask`, then `i32.popcnt`). Natively, LLVM's vectors do well.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod wasm_vectors {
    use core::arch::wasm32::{
        u8x16_bitmask, u8x16_le, u8x16_splat, u8x16_sub, v128, v128_load, v128_load32_zero,
    };

    /// All ones in the lanes whose value is within the range, as [`super::within`].
    #[inline(always)]
    fn inside(values: v128, minimum: u8, width: u8) -> v128 {
        u8x16_le(u8x16_sub(values, u8x16_splat(minimum)), u8x16_splat(width))
    }

    /// Sixteen values at a time, then four, then one.
    pub fn howmany_within(row: &[u8], minimum: u8, width: u8) -> u32 {
        let (mut count, mut at) = (0, 0);
        while at + 16 <= row.len() {
            // SAFETY: the 16 bytes from `at` are in the row; wasm's loads take any alignment.
            let values = unsafe { v128_load(row.as_ptr().add(at).cast()) };
            count += u8x16_bitmask(inside(values, minimum, width)).count_ones();
            at += 16;
        }
        while at + 4 <= row.len() {
            // SAFETY: the 4 bytes from `at` are in the row; the other lanes are zeros, which
            // the mask leaves out.
            let values = unsafe { v128_load32_zero(row.as_ptr().add(at).cast()) };
            count += (u8x16_bitmask(inside(values, minimum, width)) & 0xF).count_ones();
            at += 4;
        }
        for &n in &row[at..] {
            count += u32::from(super::within(n, minimum, width));
        }
        count
    }
}
