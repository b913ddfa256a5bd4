//! The kernel against the tutorial's definition, for any bytes and bounds.

use playground_kernel::{call_each, howmany_within_range, Rows, FAST_PATH_MIN_ROWS};

#[test]
fn counts_values_within_inclusive_bounds() {
    assert_eq!(howmany_within_range(&[0, 4, 5, 8, 9], 4, 8), 3);
    assert_eq!(howmany_within_range(&[], 4, 8), 0);
    assert_eq!(howmany_within_range(&[4, 8], 8, 4), 0);
}

/// The definition, written out as the tutorial's Python does.
fn within(row: &[u8], minimum: u8, maximum: u8) -> u32 {
    row.iter()
        .filter(|&&n| minimum <= n && n <= maximum)
        .count() as u32
}

#[test]
fn every_kernel_counts_by_the_definition_for_any_bytes_and_bounds() {
    // Every byte value, in an order no row repeats; row counts around a block of the
    // five-column kernel (1,024 rows), which reuses its flags from block to block, and
    // around the fewest rows it counts. (Every row width in wasm's vectors: the
    // end-to-end tests.)
    let cells: Vec<u8> = (0..5 * 2_100u32).map(|i| (i * 97 % 256) as u8).collect();
    for columns in [5, 3] {
        let around_the_fast_path = [FAST_PATH_MIN_ROWS - 1, FAST_PATH_MIN_ROWS];
        for rows in [0, 1, 1023, 1024, 1025, 2_100]
            .into_iter()
            .chain(around_the_fast_path)
        {
            let cells = &cells[..rows * columns];
            for (minimum, maximum) in [(0, 255), (4, 8), (9, 9), (200, 255), (8, 4), (255, 0)] {
                let mut counts = vec![u32::MAX; rows];
                let kernel = Rows {
                    cells,
                    columns,
                    minimum,
                    maximum,
                };
                kernel.count_into(&mut counts);
                let row_by_row = |count: fn(&[u8], u8, u8) -> u32| -> Vec<u32> {
                    let rows = cells.chunks_exact(columns);
                    rows.map(|row| count(row, minimum, maximum)).collect()
                };
                let expected = row_by_row(within);
                let what = format!("{rows}×{columns} in {minimum}..={maximum}");
                assert_eq!(counts, expected, "{what}");
                assert_eq!(row_by_row(howmany_within_range), expected, "{what}");
                let items: Vec<_> = (cells.chunks_exact(columns))
                    .map(|row| (row, minimum, maximum))
                    .collect();
                let mut counts = vec![u32::MAX; rows];
                call_each(&mut counts, &items);
                assert_eq!(counts, expected, "starmap's items, {what}");
            }
        }
    }
}
