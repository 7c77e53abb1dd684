using System.Buffers.Binary;

namespace RemoteGuidanceTraining.Web.Certificates.Pdf;

/// <summary>
/// Cuts a TrueType font down to the glyphs a certificate uses, so that the PDF embeds a few kilobytes instead of the
/// whole font (SkiaSharp's PDF backend embeds the font file as it gets it: its native build has no subsetter).
/// Glyph ids stay the same – unused glyphs just become empty – so character mapping, advances and therefore the
/// layout are unchanged; layout tables a PDF does not use (GSUB, GPOS, kerning, glyph names) are dropped.
/// Format reference: the OpenType specification, https://learn.microsoft.com/typography/opentype/spec/.
/// </summary>
internal static class FontSubset
{
    // Tables FreeType and a PDF viewer need for positioned glyphs; everything else goes.
    private static readonly string[] _kept = ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];

    public static byte[] KeepGlyphs(byte[] font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        var head = tables["head"].ToArray();
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].Span[4..]);
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var loca = tables["loca"].ToArray();
        var glyf = tables["glyf"];
        int Offset(int glyph) => longOffsets
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(glyph * 4))
            : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(glyph * 2)) * 2;

        var keep = new HashSet<int> { 0 }; // .notdef is always there
        var pending = new Stack<int>(glyphs.Select(g => (int)g).Where(g => g < glyphCount));
        while (pending.TryPop(out var glyph))
        {
            if (keep.Add(glyph) || glyph == 0)
            {
                foreach (var component in Components(glyf.Span[Offset(glyph)..Offset(glyph + 1)]))
                {
                    pending.Push(component);
                }
            }
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyph * 4), (uint)newGlyf.Length);
            if (keep.Contains(glyph))
            {
                newGlyf.Write(glyf.Span[Offset(glyph)..Offset(glyph + 1)]);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // loca now has 32-bit offsets
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set below

        var post = tables["post"].Span[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // version 3: no glyph names

        var output = new Dictionary<string, byte[]>();
        foreach (var tag in _kept.Where(tables.ContainsKey))
        {
            output[tag] = tag switch
            {
                "head" => head,
                "loca" => newLoca,
                "glyf" => newGlyf.ToArray(),
                "post" => post,
                _ => tables[tag].ToArray(),
            };
        }

        return Write(font.AsSpan(0, 4), output);
    }

    /// <summary>The glyphs a composite glyph is built from (an accented letter is often a letter plus an accent).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return components; // empty or a simple glyph
        }

        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & 0x0001) != 0 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
            at += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0; // scale, x/y scale, 2×2
            if ((flags & 0x0020) == 0)
            {
                break; // no MORE_COMPONENTS
            }
        }

        return components;
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadTables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>();
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (i * 16));
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font.AsMemory(offset, length);
        }

        return tables;
    }

    private static byte[] Write(ReadOnlySpan<byte> version, Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        var searchRange = 1;
        var entrySelector = 0;
        while (searchRange * 2 <= tags.Count)
        {
            searchRange *= 2;
            entrySelector++;
        }

        var headerLength = 12 + (16 * tags.Count);
        var length = headerLength + tags.Sum(t => Padded(tables[t].Length));
        var font = new byte[length];
        version.CopyTo(font);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)tags.Count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(searchRange * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)((tags.Count - searchRange) * 16));
        var offset = headerLength;
        var headOffset = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            var data = tables[tags[i]];
            var record = font.AsSpan(12 + (i * 16));
            System.Text.Encoding.ASCII.GetBytes(tags[i], record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(font, offset);
            headOffset = tags[i] == "head" ? offset : headOffset;
            offset += Padded(data.Length);
        }

        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }
}
