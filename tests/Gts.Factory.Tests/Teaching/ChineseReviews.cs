using System.Text;
using System.Text.Json;

namespace Gts.Factory.Tests.Teaching;

/// <summary>Short Chinese product reviews written from templates (positive and negative wording around a product), for
/// tests of the factory's own Chinese backbone; the sentiment is carried by a few characters, as in EPRSTMT.</summary>
internal static class ChineseReviews
{
    private static readonly string[] Items = ["手机", "衣服", "鞋子", "耳机", "电脑", "杯子", "书包", "台灯", "键盘", "雨伞"];
    private static readonly string[] Good = ["质量很好", "非常满意", "很喜欢", "物美价廉", "值得推荐", "做工精细", "用着舒服", "超出预期"];
    private static readonly string[] Bad = ["质量很差", "非常失望", "用了两天就坏了", "不值这个价", "做工粗糙", "要求退货", "味道难闻", "完全不能用"];
    private static readonly string[] Tails = ["物流很快", "包装一般", "客服回复及时", "颜色和图片一样", "下次再看看", "价格还行"];

    /// <summary>Review i: even i positive (label 1), odd i negative (label 0).</summary>
    public static (string Text, int Label) Review(int i)
    {
        var rng = new Random(i * 7919 + 13);
        int label = i % 2 == 0 ? 1 : 0;
        var words = label == 1 ? Good : Bad;
        return ($"这个{Items[rng.Next(Items.Length)]}{words[rng.Next(words.Length)]}，{Tails[rng.Next(Tails.Length)]}，{words[rng.Next(words.Length)]}。", label);
    }

    public static IEnumerable<string> Texts(int from, int count) => Enumerable.Range(from, count).Select(i => Review(i).Text);

    /// <summary>Writes train (16), dev (16), test (60) and unlabeled (240) JSON Lines files and labels.txt into <paramref name="dir"/>.</summary>
    public static void WriteTask(string dir)
    {
        File.WriteAllLines(Path.Combine(dir, "labels.txt"), ["负面", "正面"]);
        Write(Path.Combine(dir, "train.jsonl"), 0, 16, labelled: true);
        Write(Path.Combine(dir, "dev.jsonl"), 100, 16, labelled: true);
        Write(Path.Combine(dir, "test.jsonl"), 200, 60, labelled: true);
        Write(Path.Combine(dir, "unlabeled.jsonl"), 1000, 240, labelled: false);
    }

    private static void Write(string path, int from, int count, bool labelled)
    {
        string[] names = ["负面", "正面"];
        var lines = Enumerable.Range(from, count).Select(i =>
        {
            var (text, label) = Review(i);
            return JsonSerializer.Serialize(labelled ? new Dictionary<string, string> { ["text"] = text, ["label"] = names[label] } : new() { ["text"] = text });
        });
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
    }
}
