namespace RemoteGuidanceTraining.Web;

/// <summary>
/// Marker for the site's strings in Resources/SharedResource.{fi,sv,en}.resx. It lives outside Resources/ on purpose:
/// next to the .resx files the build would name the resources after this file instead of the folder.
/// </summary>
public sealed class SharedResource;
