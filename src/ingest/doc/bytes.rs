//! Little-endian fields of the binary Word structures, read without trusting any offset.

pub(super) fn u8_at(b: &[u8], o: usize) -> Option<u8> {
    b.get(o).copied()
}

pub(super) fn u16_at(b: &[u8], o: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(o..o.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32_at(b: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(o..o.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// `len` bytes at `o`, if the buffer holds them.
pub(super) fn slice(b: &[u8], o: usize, len: usize) -> Option<&[u8]> {
    b.get(o..o.checked_add(len)?)
}
