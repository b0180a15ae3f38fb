using Gts.Core.Errors;
using Gts.Data.Folders;
using Gts.Data.Import;
using Gts.Data.Sampling;

namespace Gts.Data.Validation;

/// <summary>Checks a whole data-set folder, going on past a bad file so that one run reports every bad file,
/// and optionally that K-shot sampling is feasible.</summary>
public static class DatasetValidator
{
    public static ValidationResult Validate(string directory, ImportOptions? options = null, int? shots = null)
    {
        var errors = new List<GtsException>();
        var dataset = DatasetFolder.Read(directory, options ?? ImportOptions.Default, errors);
        if (dataset is null) return new ValidationResult(errors, [], null);
        if (shots is int k)
        {
            var layout = DatasetFolderLayout.Find(directory);
            if (dataset.Labels.Count == 0)
            {
                errors.Add(new GtsException(ErrorKind.Infeasible, $"the data set has no labels, so {k}-shot sampling is impossible.",
                    "Add labelled train data and labels.txt, or drop --shots for an unlabeled corpus.", new SourceLocation(directory)));
                return new ValidationResult(errors, OverlapCheck.Find(dataset), dataset);
            }
            try
            {
                FewShotSampler.SampleStratified(dataset.Train, dataset.Labels, k, seed: 0, layout.Train ?? Path.Combine(directory, "train"));
            }
            catch (GtsException e)
            {
                errors.Add(e);
            }
        }
        return new ValidationResult(errors, OverlapCheck.Find(dataset), dataset);
    }
}
