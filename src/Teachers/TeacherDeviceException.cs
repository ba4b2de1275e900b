namespace Sweep.Teachers;

/// <summary>CUDA was asked for explicitly, and libtorch cannot use it in this process.</summary>
public sealed class TeacherDeviceException(string message) : InvalidOperationException(message);
