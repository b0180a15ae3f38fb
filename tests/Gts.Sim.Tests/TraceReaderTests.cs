using Gts.Core.Errors;
using Gts.Sim.Profiles;
using Gts.Sim.Traces;

namespace Gts.Sim.Tests;

public sealed class TraceReaderTests
{
    [Fact]
    public void Philly_reader_reads_gzip_rows()
    {
        using var dir = new TempDir();
        var path = dir.Write("jobs.csv.gz", "job_id,vc,submit_time,duration,num_gpus\n0,6214e9,0,120,1\n1,11cb48,30,3600,8\n");
        var jobs = PhillyTraceReader.Read(path);

        Assert.Equal(2, jobs.Count);
        Assert.Equal(new PhillyJob(1, "11cb48", 30, 3600, 8), jobs[1]);
    }

    [Fact]
    public void Philly_reader_names_line_and_column_of_a_bad_value()
    {
        using var dir = new TempDir();
        var path = dir.Write("jobs.csv", "job_id,vc,submit_time,duration,num_gpus\n0,a,0,120,1\n1,a,5,-3,1\n");
        var e = Assert.Throws<GtsException>(() => PhillyTraceReader.Read(path));

        Assert.Equal(ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(3, e.Location!.Line);
        Assert.Equal("duration", e.Location.Field);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_header_found()
    {
        using var dir = new TempDir();
        var path = dir.Write("w.csv", "name,time,application,batch_size\ncifar10-0,1,cifar10,128\n");
        var e = Assert.Throws<GtsException>(() => PolluxWorkloadReader.Read(path));

        Assert.Equal("num_replicas", e.Location!.Field);
        Assert.Contains("batch_size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        var e = Assert.Throws<GtsException>(() => PhillyTraceReader.Read("/nonexistent/jobs.csv"));
        Assert.Equal(ErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public void Pollux_workload_rows_keep_their_columns()
    {
        using var dir = new TempDir();
        var path = dir.Write("workload-1.csv", "name,time,application,num_replicas,batch_size\ncifar10-0,107,cifar10,6,2048\nncf-2,135,ncf,1,32768\n");
        var jobs = PolluxWorkloadReader.Read(path);

        Assert.Equal(new PolluxJob("cifar10-0", 107, "cifar10", 6, 2048), jobs[0]);
    }

    [Fact]
    public void Alibaba_pods_map_shares_specs_and_reject_shares_on_several_gpus()
    {
        using var dir = new TempDir();
        const string header = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n";
        var good = dir.Write("pods.csv", header + "p0,12000,16384,1,460,,LS,Running,0,1,0\np1,8000,1024,2,1000,V100M16|V100M32,BE,Running,0,1,0\n");
        var bad = dir.Write("bad.csv", header + "p0,12000,16384,2,460,,LS,Running,0,1,0\n");
        var pods = AlibabaTraceReader.ReadPods(good);

        Assert.Equal(460, pods[0].GpuMilli);
        Assert.Equal(["V100M16", "V100M32"], pods[1].GpuSpec);
        Assert.Equal("gpu_milli", Assert.Throws<GtsException>(() => AlibabaTraceReader.ReadPods(bad)).Location!.Field);
    }

    [Fact]
    public void Alibaba_nodes_read_cpu_memory_gpus_and_model()
    {
        using var dir = new TempDir();
        var path = dir.Write("nodes.csv", "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,P100\nn1,96000,786432,8,G2\n");
        var nodes = AlibabaTraceReader.ReadNodes(path);

        Assert.Equal(new AlibabaNode("n1", 96000, 786432, 8, "G2"), nodes[1]);
    }

    [Fact]
    public void Model_profile_interpolates_step_time_and_reads_iterations_at_the_last_epoch()
    {
        using var dir = new TempDir();
        dir.Write("ncf/placements.csv", "placement,local_bsz,step_time,sync_time\n1,100,1.0,0.1\n1,200,2.0,0.1\n2,50,0.8,0.2\n2,100,1.2,0.2\n");
        dir.Write("ncf/scalability.csv.gz", "num_nodes,num_replicas,local_bsz,step_time,sync_time\n6,6,100,3.0,1.0\n");
        var rows = string.Join('\n', Enumerable.Range(1, 12).Select(e => $"{e}.0,{e * 10},0.5,1,1"));
        dir.Write("ncf/validation-200.csv", "progress,iteration,metric,grad_sqr,grad_var\n" + rows + "\n");
        var profile = ModelProfileReader.Read(dir.Path, "ncf");

        Assert.Equal(100, profile.IterationsToFinish(200));   // ncf trains 10 epochs: row 10
        Assert.Equal(1.5, profile.StepTime(1, 1, 150), 6);     // halfway between local batch 100 and 200
        Assert.Equal(1.2, profile.StepTime(1, 2, 200), 6);     // 2 GPUs on one node, local batch 100: placement "2"
        Assert.Equal(2 * (2.0 - 0.1) + 0.1, profile.StepTime(1, 1, 400), 6); // above the largest local batch: 2 micro-steps
    }
}
