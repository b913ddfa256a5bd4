//! The row kernel: what the pool and the plain loop both run, one count per row.

use super::{Matrix, DEFAULT_COLUMNS};

pub fn howmany_within_range(row: &[u8], minimum: u8, maximum: u8) -> u32 {
    row.iter()
        .filter(|&&n| minimum <= n && n <= maximum)
        .count() as u32
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
    pub fn of(matrix: &'a Matrix, minimum: u8, maximum: u8) -> Self {
        Rows {
            cells: &matrix.cells,
            columns: matrix.columns,
            minimum,
            maximum,
        }
    }

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
}

/// The plain loop the pool is compared with.
pub fn count_sequential(matrix: &Matrix, minimum: u8, maximum: u8) -> Vec<u32> {
    let mut counts = vec![0u32; matrix.rows()];
    Rows::of(matrix, minimum, maximum).count_into(&mut counts);
    counts
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
