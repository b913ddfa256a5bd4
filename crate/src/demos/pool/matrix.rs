//! The matrix of random digits the pool examples count in.

use playground_kernel::Rows;
use rand::Rng;
use rand_pcg::Pcg32;

/// Values are drawn from `0..VALUE_RANGE`, like the original's `np.random.randint(0, 10)`.
pub const VALUE_RANGE: u32 = 10;
/// PCG's default stream: the generator is `Pcg32::new(seed, PCG_STREAM)`.
pub const PCG_STREAM: u64 = 0x0a02_bdbf_7bb3_c0a7;

/// The matrix of the examples, row after row in one allocation.
pub struct Matrix {
    pub(super) columns: usize,
    pub(super) cells: Vec<u8>,
}

impl Matrix {
    /// Cell `k` (row-major) is `next_u32() * 10 >> 32` of `Pcg32::new(seed, PCG_STREAM)`:
    /// a definition short enough for a test or another language to recompute.
    pub fn random(rows: usize, columns: usize, seed: u64) -> Self {
        let mut rng = Pcg32::new(seed, PCG_STREAM);
        let cells = (0..rows * columns)
            .map(|_| ((u64::from(rng.next_u32()) * u64::from(VALUE_RANGE)) >> 32) as u8)
            .collect();
        Matrix { columns, cells }
    }

    pub fn rows(&self) -> usize {
        self.cells.len() / self.columns
    }

    /// Every row, to count the values from `minimum` to `maximum` in.
    pub fn rows_to_count(&self, minimum: u8, maximum: u8) -> Rows<'_> {
        Rows {
            cells: &self.cells,
            columns: self.columns,
            minimum,
            maximum,
        }
    }

    pub fn row_slices(&self) -> std::slice::ChunksExact<'_, u8> {
        self.cells.chunks_exact(self.columns)
    }
}
