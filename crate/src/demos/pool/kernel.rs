//! The row kernel: what the pool and the plain loop both run, one count per row.

use super::{Matrix, DEFAULT_COLUMNS};

pub fn howmany_within_range(row: &[u8], minimum: u8, maximum: u8) -> u32 {
    row.iter()
        .filter(|&&n| minimum <= n && n <= maximum)
        .count() as u32
}

/// The plain loop the pool is compared with.
pub fn count_sequential(matrix: &Matrix, minimum: u8, maximum: u8) -> Vec<u32> {
    let mut counts = vec![0u32; matrix.rows()];
    count_rows_into(&mut counts, &matrix.cells, matrix.columns, minimum, maximum);
    counts
}

/// The kernel both versions share, so that they differ only in who runs it: one count per
/// row, written in place.
pub(super) fn count_rows_into(
    counts: &mut [u32],
    cells: &[u8],
    columns: usize,
    minimum: u8,
    maximum: u8,
) {
    // The tutorial's rows have five columns: at a width known when compiling, the count
    // of a row unrolls into five branch-free comparisons.
    if columns == DEFAULT_COLUMNS {
        count_fixed_rows_into::<DEFAULT_COLUMNS>(counts, cells, minimum, maximum);
        return;
    }
    for (count, row) in counts.iter_mut().zip(cells.chunks_exact(columns)) {
        *count = howmany_within_range(row, minimum, maximum);
    }
}

fn count_fixed_rows_into<const COLUMNS: usize>(
    counts: &mut [u32],
    cells: &[u8],
    minimum: u8,
    maximum: u8,
) {
    let (rows, _) = cells.as_chunks::<COLUMNS>();
    for (count, row) in counts.iter_mut().zip(rows) {
        *count = row
            .iter()
            .map(|&n| u32::from(minimum <= n && n <= maximum))
            .sum();
    }
}
