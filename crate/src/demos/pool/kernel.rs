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
///
/// A row is read in whole vectors, without a loop or a value-by-value tail where it is
/// short: a row of 4 to 15 values as two halves of one vector, the second half read from
/// the row's end, so that it overlaps the first where the row is shorter than both; a row
/// of 5, say, is read as values 0-3 and 1-4, and the three lanes of the second half that
/// hold values 1-3 again are shifted out of its mask. A longer row ends the same way, its
/// last vector read from the row's end. Starmap and apply, which count one row per call,
/// ran 1.6× faster on five columns (in Node, fastest of 20).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod wasm_vectors {
    use core::arch::wasm32::{
        u8x16_bitmask, u8x16_le, u8x16_splat, u8x16_sub, v128, v128_load, v128_load32_lane,
        v128_load32_zero, v128_load64_lane, v128_load64_zero,
    };

    /// One bit per lane, set where the lane's value is within the range, as
    /// [`super::within`].
    #[inline(always)]
    fn inside(values: v128, minimum: u8, width: u8) -> u32 {
        let flags = u8x16_le(u8x16_sub(values, u8x16_splat(minimum)), u8x16_splat(width));
        u32::from(u8x16_bitmask(flags))
    }

    /// Of a vector read as two halves of `half` lanes, the first from the row's start and
    /// the second from its end (`len` values in all, `half` to `2 * half`): the count
    /// without the lanes the halves share.
    #[inline(always)]
    fn count_halves(mask: u32, half: usize, len: usize) -> u32 {
        let all = (1 << half) - 1;
        let second_without_overlap = (mask >> half & all) >> (2 * half - len);
        (mask & all).count_ones() + second_without_overlap.count_ones()
    }

    pub fn howmany_within(row: &[u8], minimum: u8, width: u8) -> u32 {
        let (len, at) = (row.len(), row.as_ptr());
        // SAFETY (every load): the bytes it reads lie within the row, by the length's
        // branch; wasm's loads take any alignment.
        unsafe {
            match len {
                0..=3 => row
                    .iter()
                    .map(|&n| u32::from(super::within(n, minimum, width)))
                    .sum(),
                4..=8 => {
                    let start = v128_load32_zero(at.cast());
                    let values = v128_load32_lane::<1>(start, at.add(len - 4).cast());
                    count_halves(inside(values, minimum, width), 4, len)
                }
                9..=15 => {
                    let start = v128_load64_zero(at.cast());
                    let values = v128_load64_lane::<1>(start, at.add(len - 8).cast());
                    count_halves(inside(values, minimum, width), 8, len)
                }
                _ => {
                    let mut count = 0;
                    let mut from = 0;
                    while from + 16 <= len {
                        count +=
                            inside(v128_load(at.add(from).cast()), minimum, width).count_ones();
                        from += 16;
                    }
                    if from < len {
                        // The last 16 values, of which the first 16 - (len - from) were counted.
                        let last = inside(v128_load(at.add(len - 16).cast()), minimum, width);
                        count += (last >> (16 - (len - from))).count_ones();
                    }
                    count
                }
            }
        }
    }
}
